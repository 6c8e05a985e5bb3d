package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;

/**
 * How a fulfilment reaches the customer. {@code delivery} ships from a warehouse, {@code ship-from-store}
 * from a store; {@code pickup} waits at a store; {@code same-day} is a store's courier; {@code in-store}
 * is handed over at the till.
 */
public enum FulfilmentKind {
    DELIVERY, SHIP_FROM_STORE, PICKUP, SAME_DAY, IN_STORE;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }

    @JsonCreator
    public static FulfilmentKind parse(String code) {
        return EnumCodes.parse(FulfilmentKind.class, code, "fulfilment kind");
    }
}
