package com.omnis.notifications.service;

/**
 * An order event arrived before its {@code OrderPlaced} was handled (EventBridge does not keep order
 * between events). Thrown so the platform retries the event a little later (the rule's RetryPolicy).
 */
public final class OrderNotKnownYetException extends RuntimeException {

    public OrderNotKnownYetException(String orderId) {
        super("order " + orderId + " is not known yet; its OrderPlaced has not been handled");
    }
}
