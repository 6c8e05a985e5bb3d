package com.omnis.customers.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;

/** How the customer got in touch. */
public enum InteractionChannel {
    PHONE, CHAT, EMAIL, STORE, SOCIAL;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }

    @JsonCreator
    public static InteractionChannel of(String code) {
        return EnumCodes.parse(InteractionChannel.class, code, "interaction channel");
    }
}
