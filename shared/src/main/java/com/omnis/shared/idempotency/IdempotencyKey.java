package com.omnis.shared.idempotency;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a client sent, within the scope it is unique in: the same key from
 * two callers (two tills, two shoppers) names two different requests. The scope is the server's
 * business ({@code movement:<sub>}, {@code checkout:<sub>}, {@code checkout:cart:<token hash>}),
 * the key the client's (the IETF Idempotency-Key draft leaves its syntax open; ours is strict so
 * that a record id never carries anything surprising).
 */
public record IdempotencyKey(String scope, String key) {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    public static final String RULE = "is 8 to 128 characters of letters, digits and . _ : -";
    /** What a client is told when it sent none where one is required. */
    public static final String REQUIRED = "is required: a unique value per request, reused only to retry it";

    public IdempotencyKey {
        if (scope == null || scope.isBlank() || scope.length() > 200) {
            throw new IllegalArgumentException("an idempotency scope is 1 to 200 characters");
        }
        if (key == null || !PATTERN.matcher(key).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static IdempotencyKey of(String scope, String key) {
        return new IdempotencyKey(scope, key);
    }

    /** The id of the idempotency record: {@code <scope>:<key>}. */
    public String recordId() {
        return scope + ":" + key;
    }

    @Override
    public String toString() {
        return recordId();
    }
}
