package com.omnis.catalog.domain;

import com.omnis.shared.catalog.Category;
import java.util.Optional;

/**
 * A page of the active catalog: of one category and/or containing every word of {@code text}, at most
 * {@code limit} products, resumed after a previous page's {@code cursor}.
 */
public record ProductSearch(Optional<Category> category, Optional<String> text, int limit, Optional<String> cursor) {

    public ProductSearch {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one product");
        }
    }
}
