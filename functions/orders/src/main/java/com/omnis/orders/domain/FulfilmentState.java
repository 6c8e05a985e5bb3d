package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;
import java.util.Arrays;
import java.util.Optional;

/** The states of a fulfilment; an event's {@code type} names the state it moves to. */
public enum FulfilmentState {
    CREATED, PICKED, PACKED, SHIPPED, OUT_FOR_DELIVERY, READY_FOR_PICKUP, DELIVERED, DELIVERY_FAILED, COLLECTED,
    EXPIRED, CANCELLED;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }

    @JsonCreator
    public static FulfilmentState parse(String code) {
        return EnumCodes.parse(FulfilmentState.class, code, "fulfilment state");
    }

    public static Optional<FulfilmentState> fromCode(String code) {
        return Arrays.stream(values()).filter(state -> state.code().equals(code)).findFirst();
    }

    /** The goods reached the customer. */
    public boolean isHandedOver() {
        return this == DELIVERED || this == COLLECTED;
    }

    /** The goods left the location: from here on the order can no longer be cancelled. */
    public boolean hasLeft() {
        return this == SHIPPED || this == OUT_FOR_DELIVERY || this == DELIVERED || this == DELIVERY_FAILED
                || this == COLLECTED;
    }

    /** Nothing more happens to the fulfilment (a failed delivery comes back as a return). */
    public boolean isFinal() {
        return this == DELIVERED || this == COLLECTED || this == EXPIRED || this == CANCELLED || this == DELIVERY_FAILED;
    }
}
