package com.omnis.shared.privacy;

import com.omnis.shared.domain.CustomerId;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where the customers' data keys live (the port of {@link PersonalData}): one AES-256 key per customer, kept
 * wrapped, handed out unwrapped. Destroying a customer's key makes every value sealed with it unreadable.
 * A store that cannot be reached throws: an outage is never mistaken for a destroyed key.
 */
public interface CustomerKeys {

    /** The customer's data key; empty when they have none (never sealed anything, or erased). */
    Optional<SecretKey> find(CustomerId customer);

    /** The customer's data key, made and stored on first use; empty when the customer was erased (no key is made again). */
    Optional<SecretKey> findOrCreate(CustomerId customer);

    /** Destroys the customer's key; destroying a key that is not there is not an error. */
    void destroy(CustomerId customer);
}
