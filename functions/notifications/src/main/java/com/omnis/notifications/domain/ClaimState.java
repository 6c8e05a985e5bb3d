package com.omnis.notifications.domain;

/**
 * Where one message (a {@link ClaimKey}) stands. {@code SENDING} is taken before the provider is called
 * and becomes {@code SENT} after it answered; a {@code SENDING} older than its lease means a crash
 * between the two, and is settled as {@code UNCERTAIN}, never sent again.
 */
public enum ClaimState {
    SENDING, SENT, DEFERRED, SUPPRESSED, UNCERTAIN
}
