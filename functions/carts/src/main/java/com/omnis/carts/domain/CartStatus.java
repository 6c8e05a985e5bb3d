package com.omnis.carts.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;

/**
 * Only an ACTIVE cart can change; a MERGED guest cart lives on in its customer's cart, a
 * CHECKED_OUT one in an order. In JSON {@code active}, {@code merged}, {@code checked-out}.
 */
public enum CartStatus {
    ACTIVE, MERGED, CHECKED_OUT;

    @JsonValue
    public String code() {
        return EnumCodes.codeOf(this);
    }
}
