package com.omnis.shared.privacy;

import com.omnis.shared.domain.CustomerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys wrapped with a master key held in the function's settings ({@code PERSONAL_DATA_LOCAL_KEY},
 * base64 of 32 bytes): the local runtime and tests, where there is no KMS. AES-256-GCM, the customer's id
 * as additional data, stored as {@code iv ‖ ciphertext ‖ tag}.
 */
public final class LocalKeyWrapping implements KeyWrapping {

    /** The local runtime's master key (not a secret: it wraps development data only). */
    public static final String DEVELOPMENT_KEY = Base64.getEncoder()
            .encodeToString("omnis-local-personal-data-key-32".getBytes(StandardCharsets.US_ASCII));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey master;

    public LocalKeyWrapping(SecretKey master) {
        this.master = master;
    }

    /** The master key from its base64 form; anything but 32 bytes is refused. */
    public static LocalKeyWrapping fromBase64(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != PersonalData.KEY_BYTES) {
            throw new IllegalArgumentException(PersonalData.LOCAL_KEY_SETTING + " must be 32 bytes in base64, not "
                    + key.length);
        }
        return new LocalKeyWrapping(new SecretKeySpec(key, "AES"));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public DataKey generate(CustomerId customer) {
        byte[] key = new byte[PersonalData.KEY_BYTES];
        RANDOM.nextBytes(key);
        byte[] iv = new byte[PersonalData.IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, customer, key);
        return new DataKey(key, ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    @Override
    public byte[] unwrap(CustomerId customer, byte[] wrapped) {
        byte[] iv = java.util.Arrays.copyOfRange(wrapped, 0, PersonalData.IV_BYTES);
        return run(Cipher.DECRYPT_MODE, iv, customer,
                java.util.Arrays.copyOfRange(wrapped, PersonalData.IV_BYTES, wrapped.length));
    }

    private byte[] run(int mode, byte[] iv, CustomerId customer, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(PersonalData.TRANSFORMATION);
            cipher.init(mode, master, new GCMParameterSpec(PersonalData.TAG_BITS, iv));
            cipher.updateAAD(customer.value().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // another master key than the one that wrapped it: a configuration error, not a shredded key
            throw new IllegalStateException("the data key of a customer does not unwrap with this master key", e);
        }
    }
}
