package com.omnis.orders.service;

import com.omnis.orders.domain.PaymentStatus;
import java.time.Instant;

/** A provider's payment event kept until the order that holds its reference exists (an early webhook). */
public record PendingPayment(String eventId, PaymentStatus status, Instant receivedAt) {
}
