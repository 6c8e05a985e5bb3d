package com.omnis.customers.dynamo;

import com.omnis.customers.service.ProductOffers;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.pricing.PricingItem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ProductOffers} from the shared read ports: the catalog's product, the one pricing component
 * (the effective unit price a product page shows, automatic promotions only) and inventory's
 * availability query, so a saved item keeps exactly what the product page showed.
 */
public final class CatalogOffers implements ProductOffers {

    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final PriceCalculator calculator;
    private final AvailabilityQuery availability;
    private final Clock clock;

    public CatalogOffers(ProductRepository products, PromotionRepository promotions, PriceCalculator calculator,
                         AvailabilityQuery availability, Clock clock) {
        this.products = products;
        this.promotions = promotions;
        this.calculator = calculator;
        this.availability = availability;
        this.clock = clock;
    }

    @Override
    public Optional<Offer> offer(Sku sku, Channel channel) {
        Optional<Product> product = products.find(sku).filter(Product::active);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var price = calculator.effectiveUnitPrice(
                new PricingItem(sku, product.get().category(), product.get().price(), 1), promotions.activeAt(now), now);
        return Optional.of(new Offer(price, availability.of(sku, channel).available()));
    }
}
