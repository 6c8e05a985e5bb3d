package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What a customer may agree to be contacted for. Transactional messages (order confirmed, ready for
 * pickup) need no consent; these do.
 */
public enum ConsentPurpose {
    /** Offers and newsletters. */
    MARKETING("marketing"),
    /** Back in stock, price drop, running low and reminders about the customer's saved items. */
    SAVED_ITEM_ALERTS("saved-item-alerts");

    public static final String RULE = "is one of marketing, saved-item-alerts";

    private final String code;

    ConsentPurpose(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ConsentPurpose of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(RULE));
    }
}
