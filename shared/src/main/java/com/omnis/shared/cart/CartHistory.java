package com.omnis.shared.cart;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read port of a customer's carts for the customers context: the active cart in the agent's 360 view,
 * every cart in the customer's export. The carts function writes them; this reads {@code CARTS_TABLE}
 * (layout: {@link CartLayout}) and needs {@code dynamodb:GetItem} on the table (the active-cart pointer,
 * then the cart) and {@code dynamodb:Query} on its {@code byCustomer} index ({@code ${CartsTable.Arn}/index/byCustomer}).
 * Guest carts are not the customer's until merged, and are never listed.
 */
public interface CartHistory {

    /**
     * The cart the customer is filling now, as the agent's screen shows it: {@code startedOn} the channel
     * it was opened on, {@code channels} every channel that touched it (first seen first), {@code expiresAt}
     * null for a customer's cart (only guest carts expire).
     */
    record ActiveCart(String cartId, String status, String currency, String startedOn, List<String> channels,
                      List<Line> lines, Instant updatedAt, Instant expiresAt) {
        public ActiveCart {
            channels = List.copyOf(channels);
            lines = List.copyOf(lines);
        }
    }

    /** A line; {@code seenUnitPrice} is the price shown when it was added (null when not stored), not today's. */
    record Line(String sku, int quantity, Money seenUnitPrice, Instant addedAt) {
    }

    /** The customer's active cart, empty when they have none (never opened, or checked out since). */
    Optional<ActiveCart> active(CustomerId customer);

    /** Every cart of the customer as stored (active, checked out), oldest first: for their export. */
    List<JsonNode> all(CustomerId customer);
}
