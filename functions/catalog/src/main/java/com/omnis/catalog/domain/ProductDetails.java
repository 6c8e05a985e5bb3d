package com.omnis.catalog.domain;

import com.omnis.shared.catalog.Category;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;

/** What ops say a product is, whole: everything but its SKU and the time of the change. */
public record ProductDetails(String name, String description, Category category, String brand, Money price,
                             boolean active) {

    public Product toProduct(Sku sku, Instant at) {
        return new Product(sku, name, description, category.value(), brand, price, active, at);
    }
}
