package com.omnis.customers.service;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.util.Optional;

/** What a product page shows a channel right now: the effective unit price and how many it can sell. */
@FunctionalInterface
public interface ProductOffers {

    record Offer(Money unitPrice, long available) {
    }

    /** Empty for a SKU that is not (or no longer) on sale. */
    Optional<Offer> offer(Sku sku, Channel channel);
}
