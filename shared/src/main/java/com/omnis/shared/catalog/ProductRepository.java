package com.omnis.shared.catalog;

import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The product catalog, as every context reads it (carts price lines with it, inventory checks SKUs, orders
 * will read it too). Only the catalog function writes products, through its own adapter.
 */
public interface ProductRepository {

    Optional<Product> find(Sku sku);

    /** The products among {@code skus} that exist; missing ones are simply absent from the map. */
    Map<Sku, Product> findAll(Collection<Sku> skus);

    /**
     * Active products, optionally of one category and/or containing every word of {@code text}
     * (case-insensitive, at most 5 words). In SKU order within a category; across categories in
     * the store's order, stable from page to page. {@code cursor} is a previous page's {@code nextCursor}.
     */
    Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor);
}
