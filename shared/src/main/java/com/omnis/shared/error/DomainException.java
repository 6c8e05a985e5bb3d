package com.omnis.shared.error;

import java.util.List;

/**
 * An outcome a service reports in the language of the domain: not found, a conflict with the
 * current state, a rule broken, invalid fields, too much contention. Services and domain code
 * throw these and never an HTTP type; {@code shared.http.Router} is the one place that turns
 * them into problem documents.
 *
 * <p>{@code code} is the stable slug clients switch on ({@code out-of-stock}, {@code version-mismatch}).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, RuleViolationException,
        UnauthenticatedException, ForbiddenException, ContentionException {

    private final String code;
    private final String title;
    private final transient List<FieldError> errors;

    protected DomainException(String code, String title, String detail, List<FieldError> errors) {
        // no stack trace: these are answers, not failures, and are thrown on hot paths
        super(detail, null, false, false);
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
