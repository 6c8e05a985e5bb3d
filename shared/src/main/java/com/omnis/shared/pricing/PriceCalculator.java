package com.omnis.shared.pricing;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one pricing component: product pages, carts and orders all price through it, so every
 * channel shows the same figures. Rules (see docs/pricing.md):
 * <ul>
 *   <li>prices are tax-inclusive integer minor units;</li>
 *   <li>promotions do not stack: each line gets the single applicable promotion with the largest
 *       discount (ties: the one ending first, then the smaller id), automatic and coded alike;</li>
 *   <li>a percentage is applied to the line total and rounded half-up to the minor unit, once per line;</li>
 *   <li>an amount off is per unit and never more than the unit price; a line never goes below zero.</li>
 * </ul>
 */
public final class PriceCalculator {

    private static final Comparator<Candidate> BEST = Comparator
            .comparingLong((Candidate c) -> c.discount().amount()).reversed()
            .thenComparing(c -> c.promotion().validUntil())
            .thenComparing(c -> c.promotion().promotionId());

    private record Candidate(Promotion promotion, Money discount) {
    }

    public PricedLine priceLine(PricingItem item, Collection<Promotion> promotions, Set<String> codes, Instant at) {
        Money gross = item.unitPrice().times(item.quantity());
        Optional<Candidate> best = promotions.stream()
                .filter(p -> p.isActiveAt(at) && p.isUnlockedBy(codes) && p.appliesTo(item.sku(), item.category()))
                .map(p -> new Candidate(p, p.discountFor(item.unitPrice(), item.quantity()).min(gross)))
                .filter(c -> c.discount().amount() > 0)
                .min(BEST);
        Money discount = best.map(Candidate::discount).orElse(Money.zero(gross.currency()));
        List<AppliedPromotion> applied = best
                .map(c -> List.of(new AppliedPromotion(c.promotion().promotionId(), c.promotion().name(),
                        c.promotion().code(), c.discount())))
                .orElse(List.of());
        return new PricedLine(item.sku(), item.quantity(), item.unitPrice(), discount, gross.minus(discount), applied);
    }

    public PricedCart priceCart(String currency, List<PricingItem> items, Collection<Promotion> promotions,
                                Set<String> codes, Instant at) {
        List<PricedLine> lines = new ArrayList<>(items.size());
        Money subtotal = Money.zero(currency);
        Money discount = Money.zero(currency);
        for (PricingItem item : items) {
            PricedLine line = priceLine(item, promotions, codes, at);
            lines.add(line);
            subtotal = subtotal.plus(line.unitPrice().times(line.quantity()));
            discount = discount.plus(line.discount());
        }
        return new PricedCart(lines, new Totals(subtotal, discount, subtotal.minus(discount)));
    }

    /**
     * What a product page shows, in every channel: one unit priced with the best automatic promotion
     * (coded ones need a cart); {@code lineTotal} is the effective unit price.
     */
    public PricedLine unitOffer(PricingItem item, Collection<Promotion> promotions, Instant at) {
        return priceLine(new PricingItem(item.sku(), item.category(), item.unitPrice(), 1), promotions, Set.of(), at);
    }

    /** The unit price a product page shows: one unit, automatic promotions only. */
    public Money effectiveUnitPrice(PricingItem oneUnit, Collection<Promotion> promotions, Instant at) {
        return unitOffer(oneUnit, promotions, at).lineTotal();
    }
}
