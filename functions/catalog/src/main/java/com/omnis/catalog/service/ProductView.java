package com.omnis.catalog.service;

import com.omnis.shared.catalog.Product;
import com.omnis.shared.domain.Money;
import com.omnis.shared.inventory.SkuAvailability;
import com.omnis.shared.pricing.AppliedPromotion;
import com.omnis.shared.pricing.PricedLine;
import java.time.Instant;

/**
 * A product as every channel shows it: the list {@code price}, the {@code effectivePrice} of one unit
 * after the best automatic promotion, and that {@code promotion} when there is one. A single product
 * read also carries the caller's channel's {@code availability} (absent from lists and ops answers).
 */
public record ProductView(String sku, String name, String description, String category, String brand,
                          Money price, Money effectivePrice, AppliedPromotion promotion, boolean active,
                          Instant updatedAt, SkuAvailability availability) {

    static ProductView of(Product product, PricedLine offer) {
        AppliedPromotion promotion = offer.promotions().isEmpty() ? null : offer.promotions().getFirst();
        return new ProductView(product.sku().value(), product.name(), product.description(), product.category(),
                product.brand(), product.price(), offer.lineTotal(), promotion, product.active(), product.updatedAt(),
                null);
    }

    ProductView withAvailability(SkuAvailability stock) {
        return new ProductView(sku, name, description, category, brand, price, effectivePrice, promotion, active,
                updatedAt, stock);
    }
}
