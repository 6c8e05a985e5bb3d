package com.omnis.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import com.omnis.shared.events.DomainEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CartSentToCustomer} (carts, docs/acting-on-behalf.md): a call-centre agent sent the customer's cart back
 * to them. One transactional {@code cart-sent} message on the channel the agent chose, to the contact of the
 * customer's profile (the event carries none), with the storefront's link to the cart: the web shop opens it for
 * its signed-in customer, the app through its universal links. Once per event (the claim is the event's id).
 */
public final class SentCarts {

    public static final String EVENT_TYPE = "CartSentToCustomer";

    private static final Logger LOG = LoggerFactory.getLogger(SentCarts.class);
    /** A cart id as carts make them: nothing else goes into a link. */
    private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Notifier notifier;
    private final String storefrontUrl;

    public SentCarts(Notifier notifier, String storefrontUrl) {
        this.notifier = notifier;
        this.storefrontUrl = storefrontUrl.replaceAll("/+$", "");
    }

    public List<Notifier.Outcome> on(DomainEvent event) {
        if (!event.type().equals(EVENT_TYPE)) {
            return List.of();
        }
        JsonNode data = event.data();
        String customerId = data.path("customerId").asText("");
        String cartId = data.path("cartId").asText("");
        Optional<MessageChannel> channel = channelOf(data.path("channel").asText(""));
        if (customerId.isBlank() || !CART_ID.matcher(cartId).matches() || channel.isEmpty()) {
            LOG.warn("a {} event without a customer, a cart or a channel we send by; nothing sent", EVENT_TYPE);
            return List.of();
        }
        // the link is built here from the cart id, whatever path the event suggests: a message links to our storefront only
        String cartUrl = storefrontUrl + "/cart/" + cartId;
        return List.of(notifier.notifyOn(new MessageRequest(event.id(), event.type(), event.occurredAt(),
                MessageKind.CART_SENT, customerId, Map.of("cartUrl", cartUrl)), channel.get()));
    }

    private static Optional<MessageChannel> channelOf(String code) {
        return switch (code) {
            case "email" -> Optional.of(MessageChannel.EMAIL);
            case "sms" -> Optional.of(MessageChannel.SMS);
            default -> Optional.empty();
        };
    }
}
