package com.omnis.shared.privacy;

import com.omnis.shared.domain.CustomerId;

/**
 * How a customer's data key is kept at rest: generated with its wrapped (encrypted) form, and unwrapped
 * again. KMS in AWS ({@link KmsKeyWrapping}), a local master key in the local runtime and tests
 * ({@link LocalKeyWrapping}). The customer's id is bound to the wrapped key: a wrapped key copied to
 * another customer does not unwrap.
 */
public interface KeyWrapping {

    /** A new data key: its 32 bytes in clear (kept in memory only) and wrapped (stored). */
    record DataKey(byte[] plaintext, byte[] wrapped) {
    }

    /** The name stored with the wrapped key ({@code kms}, {@code local}): a key wrapped another way is refused clearly. */
    String name();

    DataKey generate(CustomerId customer);

    byte[] unwrap(CustomerId customer, byte[] wrapped);

}
