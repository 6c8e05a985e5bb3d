package com.omnis.notifications.domain;

import java.util.Arrays;

/** How a message reaches a person (not the touchpoint, {@code X-Channel}, a request came from). */
public enum MessageChannel {
    EMAIL("email"), SMS("sms");

    private final String code;

    MessageChannel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MessageChannel of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a channel is email or sms"));
    }
}
