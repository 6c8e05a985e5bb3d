package com.omnis.customers.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;

/** How a contact ended: the contact centre's reporting groups by it, so it is a closed list, not free text. */
public enum InteractionOutcome {
    RESOLVED, FOLLOW_UP, ESCALATED, NO_ACTION;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }

    @JsonCreator
    public static InteractionOutcome of(String code) {
        return EnumCodes.parse(InteractionOutcome.class, code, "interaction outcome");
    }
}
