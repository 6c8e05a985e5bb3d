package com.omnis.shared.error;

import java.util.List;

/** A well-formed request that breaks a business rule: an unknown SKU, an expired promotion code. */
public final class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String title, String detail, List<FieldError> errors) {
        super(code, title, detail, errors);
    }

    public RuleViolationException(String code, String title, String detail) {
        this(code, title, detail, List.of());
    }
}
