package com.omnis.notifications.domain;

/**
 * Why a message is sent, which decides what it needs. A transactional message (the customer's own
 * order) needs no consent and is never capped; the others need the customer's consent for their
 * purpose on the channel, and count against the marketing frequency cap.
 */
public enum Purpose {
    TRANSACTIONAL("transactional"),
    /** Offers, abandoned carts: consent purpose {@code marketing}. */
    MARKETING("marketing"),
    /** Back in stock, running low, price drop, reminders about saved items: consent purpose {@code saved-item-alerts}. */
    SAVED_ITEM_ALERTS("saved-item-alerts");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    /** The consent purpose's code, as the customers' ledger names it. */
    public String code() {
        return code;
    }

    /** Classification: everything but the customer's own order is marketing (consent, quiet hours, cap). */
    public boolean isMarketing() {
        return this != TRANSACTIONAL;
    }
}
