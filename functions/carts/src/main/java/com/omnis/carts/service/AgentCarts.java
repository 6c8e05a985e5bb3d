package com.omnis.carts.service;

import com.omnis.carts.domain.CartId;
import com.omnis.shared.customer.CustomerDirectory;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.events.DomainEvent;
import java.time.Clock;
import java.time.Instant;

/**
 * A call-centre agent acting on a customer's behalf (docs/acting-on-behalf.md): the same cart decisions as the
 * customer's own ({@link CartService}), on the customer's active cart, with the change recorded as the agent's
 * on {@code call-center}; and the cart sent back to the customer ({@link CartSentToCustomer} on the outbox).
 * The {@link Shopper} comes from {@link Shopper#agentFor}, which already refused anyone but an agent; the
 * customer must be known (a profile), else 404.
 */
public final class AgentCarts {

    /** What the customer receives the cart by. */
    public enum SendChannel { EMAIL, SMS }

    /** The answer to a send: the event that carries it, and what it names. */
    public record Sent(String eventId, String customerId, String cartId, String channel, String linkPath, Instant sentAt) {
    }

    private final CartService carts;
    private final CustomerDirectory customers;
    private final CartOutbox outbox;
    private final Clock clock;

    public AgentCarts(CartService carts, CustomerDirectory customers, CartOutbox outbox, Clock clock) {
        this.carts = carts;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    public CartView cart(Shopper agent) {
        requireKnown(agent);
        return carts.activeCart(agent);
    }

    /** Adds to the customer's active cart; the first add for a customer with none opens it for them. */
    public CartView addItem(Mutation mutation, Sku sku, Quantity quantity) {
        Shopper agent = requireKnown(mutation.shopper());
        CartId cart = carts.activeCartId(agent)
                .orElseGet(() -> new CartId(carts.open(agent, mutation.channel()).cart().id()));
        return carts.addItem(cart, mutation, sku, quantity);
    }

    public CartView changeQuantity(Mutation mutation, Sku sku, Quantity quantity) {
        return carts.changeQuantity(activeCart(mutation.shopper()), mutation, sku, quantity);
    }

    public CartView removeItem(Mutation mutation, Sku sku) {
        return carts.removeItem(activeCart(mutation.shopper()), mutation, sku);
    }

    /**
     * Sends the customer's active cart back to them by {@code channel}: one {@link CartSentToCustomer} on the
     * outbox, nothing of the cart changes. A cart with no lines is not worth a message (422 {@code empty-cart}).
     */
    public Sent send(Shopper agent, SendChannel channel, String correlationId) {
        requireKnown(agent);
        CartView cart = carts.activeCart(agent);
        if (cart.lines().isEmpty()) {
            throw new RuleViolationException("empty-cart", "Empty cart",
                    "the customer's cart has no lines: add what they want before sending it");
        }
        Instant at = clock.instant();
        String customerId = agent.customer().orElseThrow().value();
        String link = CartSentToCustomer.linkPathOf(cart.id());
        CartSentToCustomer data = new CartSentToCustomer(customerId, cart.id(), EnumCodes.codeOf(channel),
                agent.caller().subject(), agent.actor().orElseThrow(), Channel.CALL_CENTER.code(), link, at);
        DomainEvent event = DomainEvent.of(CartSentToCustomer.TYPE, CartSentToCustomer.SOURCE, at, "cart/" + cart.id(),
                data, correlationId);
        outbox.append(event);
        return new Sent(event.id(), customerId, cart.id(), data.channel(), link, at);
    }

    private CartId activeCart(Shopper shopper) {
        Shopper agent = requireKnown(shopper);
        return carts.activeCartId(agent).orElseThrow(() -> new NotFoundException("the customer has no active cart"));
    }

    private Shopper requireKnown(Shopper agent) {
        CustomerId customer = agent.onBehalfOf()
                .orElseThrow(() -> new IllegalArgumentException("an agent's shopper names the customer"));
        if (customers.contact(customer).isEmpty()) {
            throw unknownCustomer(customer.value());
        }
        return agent;
    }

    /** One wording for a customer nobody has and an id that cannot be one. */
    public static NotFoundException unknownCustomer(String customerId) {
        return new NotFoundException("no customer " + customerId);
    }
}
