package com.omnis.orders.domain;

import java.time.Instant;

/** The customer's answer to "did you receive it?". */
public record DeliveryConfirmation(boolean received, String comment, Instant at, String by) {
}
