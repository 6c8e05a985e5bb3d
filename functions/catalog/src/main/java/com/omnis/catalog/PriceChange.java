package com.omnis.catalog;

import com.omnis.shared.domain.Money;

/** Body of {@code PUT /products/{sku}/price}: the new list price, tax included. */
public record PriceChange(Money price) {
}
