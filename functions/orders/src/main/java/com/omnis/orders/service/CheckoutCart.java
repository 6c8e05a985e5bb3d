package com.omnis.orders.service;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Set;

/**
 * A cart as checkout reads it from carts: whose it is ({@code customerId}, or the guest's token hash),
 * whether it can still be checked out, its version (the one the cart's close is conditioned on),
 * lines, promotion codes and the channels that touched it.
 */
public record CheckoutCart(String cartId, String customerId, String guestTokenHash, boolean active, long version,
                           String currency, List<Line> lines, Set<String> promoCodes, List<Channel> channels) {

    public record Line(Sku sku, int quantity) {
    }

    public CheckoutCart {
        lines = List.copyOf(lines);
        promoCodes = Set.copyOf(promoCodes);
        channels = List.copyOf(channels);
    }
}
