package com.omnis.catalog;

import com.omnis.shared.domain.Money;

/** Body of {@code PUT /products/{sku}}: the whole product; {@code sku} may be repeated, {@code active} defaults to true. */
public record ProductRequest(String sku, String name, String description, String category, String brand,
                             Money price, Boolean active) {
}
