package com.omnis.catalog.service;

import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;

/**
 * The products table as the catalog sees it: the read port every context shares, plus the one write
 * only the catalog makes. Other contexts get the read port alone ({@code shared.catalog}).
 */
public interface CatalogProducts extends ProductRepository {

    /** Creates or replaces the whole product. */
    void save(Product product);
}
