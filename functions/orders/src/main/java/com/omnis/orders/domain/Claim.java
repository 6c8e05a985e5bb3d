package com.omnis.orders.domain;

import java.time.Instant;

/** The customer said a delivery did not arrive: an agent takes it from here. */
public record Claim(String claimId, String comment, Instant openedAt, String openedBy, String status) {
}
