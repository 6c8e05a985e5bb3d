package com.omnis.shared.domain;

import java.util.Arrays;
import java.util.Optional;

/** The touchpoint a request comes from, sent by every channel in the {@code X-Channel} header. */
public enum Channel {
    WEB("web"), MOBILE("mobile"), STORE("store"), CALL_CENTER("call-center"), KIOSK("kiosk");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Channel parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown channel '" + code + "', expected one of web, mobile, store, call-center, kiosk"));
    }
}
