package com.omnis.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A SHA-256 hash of what a request asks for (Powertools' "payload validation"): the same key sent
 * with another request is refused rather than answered with the first request's result. Hash a
 * canonical text of the parsed request (field order and whitespace of the JSON do not matter), or
 * the raw body when the request has no canonical form.
 */
public record RequestFingerprint(String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public RequestFingerprint {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a request fingerprint is a SHA-256 in lower-case hex");
        }
    }

    /** The fingerprint of {@code canonical}, the request as text. */
    public static RequestFingerprint of(String canonical) {
        try {
            return new RequestFingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
