package com.omnis.inventory.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What happened to the units on the shelf. */
public enum MovementType {
    /** Goods arrived (from a supplier, or from a transfer when {@code transferId} is given). */
    RECEIPT("receipt"),
    /** Sold at the till: leaves the shelf at once. */
    SALE("sale"),
    /** A stock count: sets on hand to the counted figure. */
    COUNT("count"),
    /** Broken, lost or stolen units written off. */
    DAMAGE("damage"),
    /** Shipped to another location: in transit until received there. */
    TRANSFER("transfer");

    private final String code;

    MovementType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<MovementType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
