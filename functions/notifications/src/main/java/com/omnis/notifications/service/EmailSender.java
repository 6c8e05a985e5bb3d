package com.omnis.notifications.service;

import java.util.Map;

/** Sends one email (SES v2 in AWS); a failure throws, and nothing was sent. */
public interface EmailSender {

    record Email(String to, String subject, String html, String text, Map<String, String> headers) {
    }

    /** The provider's message id. */
    String send(Email email);
}
