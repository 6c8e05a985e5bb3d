package com.omnis.catalog.service;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionRepository;

/** The promotions table as the catalog sees it: the shared read port plus the write only the catalog makes. */
public interface CatalogPromotions extends PromotionRepository {

    /** Creates or replaces the promotion of this id. */
    void save(Promotion promotion);
}
