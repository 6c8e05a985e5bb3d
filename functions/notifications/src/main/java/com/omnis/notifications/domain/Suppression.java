package com.omnis.notifications.domain;

import java.util.Locale;

/**
 * Why an address receives nothing more: the provider said it bounced or complained, or the number replied STOP;
 * or why it receives no marketing: {@link #MARKETING_WITHDRAWN}, the opt-out of an erased customer, kept as a hash.
 */
public enum Suppression {
    BOUNCED("bounced"), COMPLAINED("complained"), SMS_STOP("sms-stop"),
    /** Non-transactional messages only: the customer withdrew marketing on this contact, then was erased. */
    MARKETING_WITHDRAWN("marketing-withdrawn");

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
