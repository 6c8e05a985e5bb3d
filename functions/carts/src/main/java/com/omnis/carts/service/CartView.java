package com.omnis.carts.service;

import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Money;
import com.omnis.shared.pricing.AppliedPromotion;
import com.omnis.shared.pricing.Totals;
import java.time.Instant;
import java.util.List;

/**
 * A cart as every channel sees it: priced now by the one pricing component. {@code token} is
 * present only in the answer that creates a guest cart: it is never stored in clear. {@code agents}
 * (the call-centre agents who changed it for its customer; absent when none) and {@code lastChangedBy}
 * (absent for a guest's cart) are its trail.
 */
public record CartView(String id, long version, String currency, CartStatus status, List<Line> lines,
                       List<String> promoCodes, Totals totals, List<ChannelVisit> channels, String customerId,
                       Instant expiresAt, String mergedInto, List<String> agents, Actor lastChangedBy, String token) {

    /**
     * A priced line; {@code priceChanged} when today's unit price differs from the one shown when the
     * line was added; {@code available} false when the product left the catalog (not counted in totals).
     */
    public record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal, Money discount,
                       List<AppliedPromotion> promotions, boolean priceChanged, boolean available) {
    }

    public CartView withToken(String newToken) {
        return new CartView(id, version, currency, status, lines, promoCodes, totals, channels, customerId, expiresAt,
                mergedInto, agents, lastChangedBy, newToken);
    }

    /** The {@code ETag} of this version, the value {@code If-Match} sends back. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
