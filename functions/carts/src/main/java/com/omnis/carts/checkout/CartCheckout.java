package com.omnis.carts.checkout;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.carts.service.CartAccess;
import com.omnis.carts.service.Shopper;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.identity.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the carts publish for the checkout (the orders function): read the caller's cart, and close it
 * as part of the one transaction that writes the order. The only package of the carts other functions
 * may use; the rest of the carts stays theirs to change.
 */
public final class CartCheckout {

    private final DynamoCartRepository carts;
    private final CartAccess access;
    private final Clock clock;

    private CartCheckout(DynamoCartRepository carts, Clock clock) {
        this.carts = carts;
        this.access = new CartAccess(carts, clock);
        this.clock = clock;
    }

    /** On the carts table {@code cartsTable} ({@code CARTS_TABLE}), with the function's one clock. */
    public static CartCheckout onDynamo(DynamoDbClient dynamo, String cartsTable, Clock clock) {
        return new CartCheckout(new DynamoCartRepository(dynamo, cartsTable), clock);
    }

    /**
     * The cart {@code cartId} if this caller may reach it, by the carts' own rule: its customer, or
     * whoever presents its guest {@code cartToken}, while it has not expired. Read strongly consistent,
     * whatever its status (an already checked-out cart says which order it became).
     *
     * @throws NotFoundException for an unknown id, an expired cart or a caller who may not see it (one answer for all)
     */
    public CheckoutCart cartFor(String cartId, Caller caller, Optional<String> cartToken) {
        return snapshot(open(cartId, caller, cartToken));
    }

    /**
     * As {@link #cartFor}, but only an ACTIVE cart.
     *
     * @throws ConflictException {@code cart-closed} when the cart was merged or checked out already
     */
    public CheckoutCart activeCartFor(String cartId, Caller caller, Optional<String> cartToken) {
        Cart cart = open(cartId, caller, cartToken);
        CartAccess.requireActive(cart);
        return snapshot(cart);
    }

    /**
     * The cart {@code cartId} if it is {@code customer}'s and {@code agent} is a call-centre agent acting for
     * them (group {@code agent}, neither {@code customer} nor {@code store-staff}: 401/403 otherwise), by the
     * carts' rule for an agent's shopper (docs/acting-on-behalf.md). Whatever its status, as {@link #cartFor}.
     *
     * @throws NotFoundException for an unknown id, an expired cart or a cart of another customer
     */
    public CheckoutCart cartForCustomer(String cartId, Caller agent, CustomerId customer) {
        Shopper shopper = Shopper.agentFor(agent, customer);
        return snapshot(open(cartId, shopper));
    }

    private Cart open(String cartId, Caller caller, Optional<String> cartToken) {
        return open(cartId, new Shopper(caller, cartToken));
    }

    private Cart open(String cartId, Shopper shopper) {
        CartId id = CartId.parse(cartId).orElseThrow(() -> CartAccess.notFound(String.valueOf(cartId)));
        return access.open(id, shopper);
    }

    /**
     * The part of the checkout transaction that closes {@code cart}: CHECKED_OUT for {@code orderId}
     * (with {@code orderId} and {@code closedAt} stored) only if it is still ACTIVE at the version read,
     * and, for a customer's cart, the customer's active-cart pointer cleared (their next {@code POST /carts}
     * opens a new cart). Two actions for a customer's cart, one for a guest's.
     *
     * <p>Its refusal is a {@link ConflictException}: {@code cart-changed} when the cart moved on since it
     * was read (re-read and price again), {@code cart-closed} when it is checked out (or merged) already.
     */
    public TransactionPart close(CheckoutCart cart, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("an order id is required");
        }
        return carts.checkOut(new CartId(cart.cartId()), cart.version(), cart.customerId(), orderId, clock.instant());
    }

    private static CheckoutCart snapshot(Cart cart) {
        return new CheckoutCart(cart.id().value(), cart.customerId(), cart.version(), cart.currency(),
                cart.lines().stream().map(line -> new CheckoutCart.Line(line.sku(), line.quantity())).toList(),
                List.copyOf(cart.promoCodes().keySet()),
                cart.channels().stream().map(ChannelVisit::channel).toList(),
                CheckoutCart.Status.valueOf(cart.status().name()),
                cart.checkedOut().map(Cart.CheckedOut::orderId));
    }
}
