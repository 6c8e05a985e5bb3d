package com.omnis.inventory.checkout;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why sold units go back on the shelf of the location they were sold from: the {@code reason} of their StockChanged. */
public enum ReleaseReason {
    /** The order was cancelled before anything of it shipped or was collected. */
    ORDER_CANCELLED("order-cancelled"),
    /** A pickup was never collected: the store puts the units back. */
    PICKUP_EXPIRED("pickup-expired");

    private final String code;

    ReleaseReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
