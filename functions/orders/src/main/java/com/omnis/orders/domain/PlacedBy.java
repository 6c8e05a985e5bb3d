package com.omnis.orders.domain;

/**
 * Who placed the order, which is not always the customer it belongs to: {@code customer}, {@code guest},
 * {@code store-staff} at a till (with the store), later {@code agent} for the call centre.
 */
public record PlacedBy(String role, String subject, String storeId) {
}
