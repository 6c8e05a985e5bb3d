package com.omnis.notifications.service;

import com.omnis.notifications.domain.Delivery;
import com.omnis.shared.dynamo.Page;
import java.util.Optional;

/** A customer's delivery log, newest first: what was sent, deferred or suppressed, when, why, on which channel. */
public final class MessageLog {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final MessageStore store;

    public MessageLog(MessageStore store) {
        this.store = store;
    }

    public Page<Delivery> of(String customerId, int limit, Optional<String> cursor) {
        return store.log(customerId, limit, cursor);
    }
}
