package com.omnis.carts.service;

import com.omnis.shared.customer.Actor;
import java.time.Instant;

/**
 * The data of {@code CartSentToCustomer} (source {@code omnis.carts}): an agent sent the customer's cart back to
 * them, so that they finish the purchase on the web or the app. No address: notifications reads the customer's
 * contact from their profile. {@code linkPath} is relative to the storefront ({@code /cart/<cartId>});
 * {@code touchpoint} is where the agent acted, {@code channel} what the message goes by.
 */
public record CartSentToCustomer(String customerId, String cartId, String channel, String agentId, Actor actor,
                                 String touchpoint, String linkPath, Instant sentAt) {

    public static final String TYPE = "CartSentToCustomer";
    public static final String SOURCE = "omnis.carts";

    /** Where the storefront (and the app, through its universal links) opens cart {@code cartId}. */
    public static String linkPathOf(String cartId) {
        return "/cart/" + cartId;
    }
}
