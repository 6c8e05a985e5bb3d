package com.omnis.shared.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read port of a customer's orders for the customers context: the 360 view, the export, and what
 * an erasure must wait for. The orders function writes them; this reads {@code ORDERS_TABLE}'s
 * {@code byCustomer} and {@code byNumber} indexes (needs {@code dynamodb:Query} on both).
 */
public interface OrderHistory {

    /** What the erasure waits for after an order's last change: a card payment can be disputed for 120 days. */
    java.time.Duration DISPUTE_WINDOW = java.time.Duration.ofDays(120);

    /** An order as the agent's screen shows it. */
    record OrderSummary(String orderId, String number, String channel, String status, Instant placedAt,
                        JsonNode total, List<FulfilmentSummary> fulfilments, List<String> openReturns,
                        List<String> openClaims, String paymentStatus) {
    }

    record FulfilmentSummary(String fulfilmentId, String kind, String locationId, String state) {
    }

    /** Something that must finish before the customer's data may be erased; {@code until} null when not known. */
    record OpenMatter(String orderId, String number, String reason, Instant until) {
    }

    /** The customer's last {@code limit} orders from every channel, newest first. */
    List<OrderSummary> recent(CustomerId customer, int limit);

    /** Every order of the customer as stored (contact and delivery address included): for their export. */
    List<JsonNode> all(CustomerId customer);

    /** The customer an order number belongs to; empty for a guest's order or an unknown number. */
    Optional<CustomerId> customerOf(String orderNumber);

    /**
     * What is still open: an order not completed or cancelled ({@code order-open}), a return requested
     * but not received ({@code return-open}), the payment dispute window after the order's last change
     * ({@code payment-dispute-window}, until then).
     */
    List<OpenMatter> openMatters(CustomerId customer, Instant now);
}
