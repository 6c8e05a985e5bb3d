package com.omnis.carts.checkout;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cart as the checkout sees it, read once: what to price and order, and the version the order was
 * priced from (the one {@link CartCheckout#close} requires). Immutable; {@code customerId} is empty for
 * a guest cart; {@code orderId} is present once the cart was checked out.
 */
public record CheckoutCart(String cartId, Optional<CustomerId> customerId, long version, String currency,
                           List<Line> lines, List<PromoCode> promoCodes, List<Channel> channels, Status status,
                           Optional<String> orderId) {

    /** One SKU of the cart, oldest line first. */
    public record Line(Sku sku, Quantity quantity) {
        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** Only an ACTIVE cart can be checked out; MERGED lives on in its customer's cart, CHECKED_OUT in an order. */
    public enum Status {
        ACTIVE, MERGED, CHECKED_OUT
    }

    public CheckoutCart {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
        promoCodes = List.copyOf(promoCodes);
        channels = List.copyOf(channels);
    }

    public boolean isGuestCart() {
        return customerId.isEmpty();
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
