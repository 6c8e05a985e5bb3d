package com.omnis.shared.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one-way trace of a contact kept after an erasure: SHA-256 hex of the lower-case email or the E.164
 * number. Enough to recognise the contact again (an opt-out keeps holding), not to recover it.
 */
public final class ContactHash {

    private ContactHash() {
    }

    public static String of(String contact) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(contact.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
