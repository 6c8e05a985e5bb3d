package com.omnis.local.lambda;

/** A function of the template cannot be built locally: its class is missing or its constructor failed. */
public final class FunctionLoadException extends RuntimeException {

    public FunctionLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
