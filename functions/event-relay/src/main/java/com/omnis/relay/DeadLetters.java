package com.omnis.relay;

/** Where the relay keeps what it can never publish. */
public interface DeadLetters {

    /** Keeps {@code letter}; throws when it could not, so that the item is retried rather than lost. */
    void send(DeadLetter letter);
}
