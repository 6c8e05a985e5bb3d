package com.omnis.carts.service;

import com.omnis.carts.domain.CartId;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.privacy.Erasure;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The carts context's part of a customer's erasure: every cart of the customer (active or checked out) and
 * their active-cart pointer are deleted, then the part is answered with {@code ErasurePartCompleted}
 * ({@code counts.carts}: how many carts went), on the outbox with the last deletes. Guest carts are not
 * touched: nothing in them names a person (a merged one only names the customer's cart, which is gone).
 * A redelivered event finds no cart left and answers again, with zero.
 */
public final class CartErasure {

    public static final String PART = "carts";
    public static final String SOURCE = "omnis.carts";
    public static final String CARTS = "carts";

    private final CustomerCarts carts;
    private final Clock clock;
    private final Retry retry;
    private final Metrics metrics;

    public CartErasure(CustomerCarts carts, Clock clock, Retry retry, Metrics metrics) {
        this.carts = carts;
        this.clock = clock;
        this.retry = retry;
        this.metrics = metrics;
    }

    public Erasure.PartCompleted erase(Erasure.Approved approved, String correlationId) {
        List<CartId> found = retry.run(() -> carts.cartsOf(approved.customerId()));
        Erasure.PartCompleted done = new Erasure.PartCompleted(approved.customerId(), approved.requestId(), PART,
                clock.instant(), Map.of(CARTS, found.size()));
        retry.run(() -> carts.erase(approved.customerId(), found, Erasure.partCompleted(SOURCE, done, correlationId)));
        metrics.count("CartsErased", found.size());
        return done;
    }
}
