package com.omnis.local.template;

/** The template cannot be read or uses something the local runtime cannot evaluate. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
