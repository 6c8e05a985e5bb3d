package com.omnis.catalog.testing;

import com.omnis.catalog.service.CatalogPromotions;
import com.omnis.shared.catalog.Promotion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A fake of the promotion table for service tests. */
public final class InMemoryCatalogPromotions implements CatalogPromotions {

    private final List<Promotion> promotions = new ArrayList<>();

    @Override
    public void save(Promotion promotion) {
        promotions.removeIf(p -> p.promotionId().equals(promotion.promotionId()));
        promotions.add(promotion);
    }

    @Override
    public List<Promotion> all() {
        return promotions.stream()
                .sorted(Comparator.comparing(Promotion::validFrom).thenComparing(Promotion::promotionId))
                .toList();
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return all().stream().filter(p -> p.isActiveAt(at)).toList();
    }
}
