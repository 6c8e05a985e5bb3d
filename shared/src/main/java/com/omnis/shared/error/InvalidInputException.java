package com.omnis.shared.error;

import java.util.List;

/** One or more inputs are invalid; every one of them is listed so the caller can fix all at once. */
public final class InvalidInputException extends DomainException {

    public InvalidInputException(List<FieldError> errors) {
        super("invalid-input", "Invalid input", summary(errors), errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
    }
}
