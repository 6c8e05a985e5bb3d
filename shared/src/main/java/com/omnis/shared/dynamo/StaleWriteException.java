package com.omnis.shared.dynamo;

/** A conditional write lost a race: something it read has changed. Read again and decide again. */
public final class StaleWriteException extends RuntimeException {

    public StaleWriteException(String message) {
        super(message, null, false, false);
    }
}
