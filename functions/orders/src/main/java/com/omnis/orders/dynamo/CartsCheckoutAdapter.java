package com.omnis.orders.dynamo;

import com.omnis.carts.checkout.CartCheckout;
import com.omnis.orders.service.CheckoutCart;
import com.omnis.orders.service.CheckoutCarts;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.identity.Caller;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Carts as checkout sees them, through the package carts publish for it ({@link CartCheckout}). */
public final class CartsCheckoutAdapter implements CheckoutCarts {

    private final CartCheckout carts;

    public CartsCheckoutAdapter(CartCheckout carts) {
        this.carts = carts;
    }

    @Override
    public Optional<CheckoutCart> find(String cartId, Caller caller, Optional<String> cartToken) {
        com.omnis.carts.checkout.CheckoutCart cart;
        try {
            cart = carts.cartFor(cartId, caller, cartToken);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(snapshot(cart, cartToken));
    }

    @Override
    public Optional<CheckoutCart> findForCustomer(String cartId, Caller agent, CustomerId customerId) {
        try {
            return Optional.of(snapshot(carts.cartForCustomer(cartId, agent, customerId), Optional.empty()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static CheckoutCart snapshot(com.omnis.carts.checkout.CheckoutCart cart, Optional<String> cartToken) {
        return new CheckoutCart(cart.cartId(), cart.customerId().map(CustomerId::value).orElse(null),
                cart.isGuestCart() ? cartToken.map(com.omnis.orders.service.CheckoutService::sha256).orElse(null) : null,
                cart.isActive(), cart.version(), cart.currency(),
                cart.lines().stream().map(l -> new CheckoutCart.Line(l.sku(), l.quantity().value())).toList(),
                cart.promoCodes().stream().map(PromoCode::value).collect(Collectors.toSet()), cart.channels());
    }

    /** Carts' close: the cart CHECKED_OUT for the order if still ACTIVE at {@code version} (and a customer's pointer cleared). */
    TransactionPart close(String cartId, Optional<String> customerId, long version, String currency, String orderId) {
        return carts.close(new com.omnis.carts.checkout.CheckoutCart(cartId, customerId.map(CustomerId::of), version, currency,
                List.of(), List.of(), List.of(), com.omnis.carts.checkout.CheckoutCart.Status.ACTIVE, Optional.empty()),
                orderId);
    }
}
