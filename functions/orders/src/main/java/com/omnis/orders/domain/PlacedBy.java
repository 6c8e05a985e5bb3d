package com.omnis.orders.domain;

/**
 * Who placed the order, which is not always the customer it belongs to: {@code customer}, {@code guest},
 * {@code store-staff} at a till (with the store), {@code agent} for a customer on the call centre (the order's
 * {@code customerId} is then the customer's, {@code subject} the agent's).
 */
public record PlacedBy(String role, String subject, String storeId) {
}
