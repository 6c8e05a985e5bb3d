package com.omnis.notifications.domain;

import java.util.Locale;

/** Why an address receives nothing more: the provider said it bounced or complained, or the number replied STOP. */
public enum Suppression {
    BOUNCED("bounced"), COMPLAINED("complained"), SMS_STOP("sms-stop");

    private final String code;

    Suppression(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** One spelling of an address: emails are case-insensitive in practice, numbers are E.164 without spaces. */
    public static String normalise(String address) {
        String trimmed = address.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase(Locale.ROOT) : trimmed.replaceAll("[ .()-]", "");
    }
}
