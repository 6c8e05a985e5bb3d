package com.omnis.shared.http;

import com.omnis.shared.error.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable (clients switch on it), {@code detail}
 * explains this occurrence, {@code errors} lists invalid fields. {@code current} carries the
 * current state of a resource when a write lost a race (409), so the client can retry.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, Object current) {

    public static final String TYPE_BASE = "https://omnis.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
