package com.omnis.shared.catalog;

import java.time.Instant;
import java.util.List;

/** Promotions, as every context that prices reads them; there are few at any time, so they are read whole. */
public interface PromotionRepository {

    List<Promotion> all();

    /** Promotions whose validity window contains {@code at}. */
    List<Promotion> activeAt(Instant at);
}
