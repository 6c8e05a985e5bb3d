package com.omnis.orders.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 for what the orders function must trust without a JWT: the payment provider's
 * webhooks (signature over {@code timestamp + "." + body}, at most {@link #WEBHOOK_TOLERANCE} old)
 * and the single-purpose, expiring link tokens an email carries. Comparisons are constant-time.
 */
public final class Signatures {

    public static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    /** What a link token grants: one order, one purpose, until it expires. */
    public record LinkGrant(String orderId, String purpose, Instant expiresAt) {
    }

    private final byte[] secret;

    public Signatures(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a signing secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String payload) {
        return HexFormat.of().formatHex(hmac(payload));
    }

    /** Whether {@code signature} ({@code v1=<hex>}) signs {@code timestamp.body} and the timestamp is within 5 minutes of now. */
    public boolean verifiesWebhook(String timestamp, String body, String signature, Instant now) {
        if (timestamp == null || body == null || signature == null || !timestamp.matches("[0-9]{1,12}")
                || !signature.startsWith("v1=")) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(WEBHOOK_TOLERANCE) > 0) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.substring(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(timestamp + "." + body), presented);
    }

    /** A token granting {@code purpose} on {@code orderId} until {@code expiresAt}: {@code base64url(payload).base64url(hmac)}. */
    public String issueLink(String orderId, String purpose, Instant expiresAt) {
        String payload = orderId + "|" + purpose + "|" + expiresAt.getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(hmac("link|" + payload));
    }

    /** The grant of a genuine, unexpired token; empty for anything else. */
    public Optional<LinkGrant> verifyLink(String token, Instant now) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(hmac("link|" + payload), mac)) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return now.isBefore(expiresAt) ? Optional.of(new LinkGrant(parts[0], parts[1], expiresAt)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
