package com.omnis.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues the link tokens the orders function accepts on {@code POST /orders/{id}/delivery-confirmation?token=}
 * (docs/orders.md, "Delivery confirmation"), in the format orders verifies:
 * {@code base64url(orderId|purpose|expiryEpochSeconds) + "." + base64url(HMAC-SHA256(ORDER_LINK_SECRET, "link|" + payload))},
 * unpadded. Both functions hold the same secret; only orders decides what a token grants.
 */
public final class LinkSigner {

    public static final String DELIVERY_CONFIRMATION = "delivery-confirmation";

    private final byte[] secret;

    public LinkSigner(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a signing secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String orderId, String purpose, Instant expiresAt) {
        if (orderId.contains("|") || purpose.contains("|")) {
            throw new IllegalArgumentException("an order id and a purpose never contain '|'");
        }
        String payload = orderId + "|" + purpose + "|" + expiresAt.getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(hmac("link|" + payload));
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
