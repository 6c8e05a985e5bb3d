package com.omnis.orders.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event an order change emits: its type (the EventBridge detail-type) and data, which always
 * starts with the order's id, number and sequence number after the change, so consumers can drop stale ones,
 * and the order's customer when it has one (a guest's order has none), so the customer's timeline follows it.
 * Free text a person typed is a {@link PersonalText}: sealed for the customer before it is published.
 */
public record OrderEvent(String type, Map<String, Object> data) {

    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_COMPLETED = "OrderCompleted";
    public static final String ORDER_CANCELLED = "OrderCancelled";
    public static final String REFUND_REQUESTED = "RefundRequested";
    public static final String RETURN_REQUESTED = "ReturnRequested";
    public static final String RETURN_RECEIVED = "ReturnReceived";
    public static final String PAYMENT_STATUS_CHANGED = "PaymentStatusChanged";
    public static final String DELIVERY_CONFIRMED = "DeliveryConfirmed";
    public static final String CLAIM_OPENED = "ClaimOpened";
    public static final String PICKUP_REMINDER_DUE = "PickupReminderDue";
    public static final String PICKUP_EXPIRED = "PickupExpired";

    /** {@code FulfilmentShipped}, {@code FulfilmentReadyForPickup}, …; an expired pickup is {@code PickupExpired}. */
    public static String fulfilmentType(FulfilmentState state) {
        if (state == FulfilmentState.EXPIRED) {
            return PICKUP_EXPIRED;
        }
        StringBuilder type = new StringBuilder("Fulfilment");
        for (String word : state.code().split("-")) {
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return type.toString();
    }

    static OrderEvent of(String type, Order order, Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.orderId());
        data.put("number", order.number());
        data.put("sequence", order.sequence());
        if (order.customerId() != null) {
            data.put("customerId", order.customerId());
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                data.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new OrderEvent(type, data);
    }
}
