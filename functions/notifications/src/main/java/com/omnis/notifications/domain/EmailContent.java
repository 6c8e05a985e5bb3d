package com.omnis.notifications.domain;

/** A rendered email: the subject, the HTML part and its plain-text twin. */
public record EmailContent(String subject, String html, String text) {
}
