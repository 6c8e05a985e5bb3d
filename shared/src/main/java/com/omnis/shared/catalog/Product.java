package com.omnis.shared.catalog;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Locale;

/** A sellable article with its list price (tax included). The price a channel shows comes from {@code PriceCalculator}. */
public record Product(Sku sku, String name, String description, String category, String brand, Money price,
                      boolean active, Instant updatedAt) {

    public Product {
        if (sku == null) {
            throw new IllegalArgumentException("sku is required");
        }
        requireText("name", name, 200);
        Category.of(category);
        if (description != null && description.length() > 2000) {
            throw new IllegalArgumentException("description is at most 2000 characters");
        }
        if (price == null || price.amount() < 0) {
            throw new IllegalArgumentException("price must be zero or more");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " characters");
        }
    }

    public Product withPrice(Money newPrice, Instant at) {
        return new Product(sku, name, description, category, brand, newPrice, active, at);
    }

    /** What a text query is matched against, lower-cased once at write time. */
    public String searchText() {
        return String.join(" ", sku.value(), name, category, brand == null ? "" : brand,
                description == null ? "" : description).toLowerCase(Locale.ROOT);
    }
}
