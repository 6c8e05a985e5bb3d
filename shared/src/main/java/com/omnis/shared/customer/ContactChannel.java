package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a message reaches the customer (not to be confused with the touchpoint, {@code X-Channel}, a request comes from). */
public enum ContactChannel {
    EMAIL("email"), SMS("sms");

    public static final String RULE = "is one of email, sms";

    private final String code;

    ContactChannel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContactChannel of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(RULE));
    }
}
