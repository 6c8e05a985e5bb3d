package com.omnis.catalog;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A fake of the promotion table for service tests. */
final class InMemoryPromotionRepository implements PromotionRepository {

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
