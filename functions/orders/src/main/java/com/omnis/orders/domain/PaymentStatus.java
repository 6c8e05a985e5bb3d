package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;

/** Where the money is; moved only by the payment provider's webhook (and pay-at-pickup starts pending). */
public enum PaymentStatus {
    PENDING, AUTHORISED, CAPTURED, FAILED, REFUNDED;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }

    @JsonCreator
    public static PaymentStatus parse(String code) {
        return EnumCodes.parse(PaymentStatus.class, code, "payment status");
    }

    /** Whether the provider may move a payment from this status to {@code next}. */
    public boolean mayBecome(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next == AUTHORISED || next == CAPTURED || next == FAILED;
            case AUTHORISED -> next == CAPTURED || next == FAILED;
            case CAPTURED -> next == REFUNDED;
            case FAILED, REFUNDED -> false;
        };
    }
}
