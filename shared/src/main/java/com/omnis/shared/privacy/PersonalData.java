package com.omnis.shared.privacy;

import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.CustomerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Seals the free text a person typed before it travels in an event, with that customer's data key
 * ({@link CustomerKeys}), so an erasure that destroys the key leaves the archive, the dead-letter queues and
 * the outbox with words nobody can read (crypto-shredding). A sealed value describes itself:
 * {@code pd:v1:<base64url(iv ‖ ciphertext ‖ tag)>}, AES-256-GCM with the customer's id as additional data.
 *
 * <p>Unwrapped keys are kept in memory for {@link #CACHE_TTL} at most, so a key destroyed by an erasure
 * stops opening anything in every container within that time. The absence of a key is not cached.
 */
public final class PersonalData {

    public static final String PREFIX = "pd:v1:";
    /** How long a container keeps using a key it read: the most an erasure waits to be effective everywhere. */
    public static final Duration CACHE_TTL = Duration.ofMinutes(5);
    public static final String KMS_KEY_SETTING = "PERSONAL_DATA_KEY_ID";
    public static final String LOCAL_KEY_SETTING = "PERSONAL_DATA_LOCAL_KEY";

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int CACHE_SIZE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(SecretKey key, Instant readAt) {
    }

    /** A function given neither setting: fails on use with a message that says so, never silently. */
    private static final CustomerKeys UNCONFIGURED = new CustomerKeys() {
        @Override
        public Optional<SecretKey> find(CustomerId customer) {
            throw unconfigured();
        }

        @Override
        public Optional<SecretKey> findOrCreate(CustomerId customer) {
            throw unconfigured();
        }

        @Override
        public void destroy(CustomerId customer) {
            throw unconfigured();
        }

        private IllegalStateException unconfigured() {
            return new IllegalStateException("this function seals or opens personal data but was given neither "
                    + KMS_KEY_SETTING + " nor " + LOCAL_KEY_SETTING);
        }
    };

    private final CustomerKeys keys;
    private final Clock clock;
    private final Map<CustomerId, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CustomerId, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public PersonalData(CustomerKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Keys in {@code CUSTOMERS_TABLE}, wrapped by KMS when {@code PERSONAL_DATA_KEY_ID} is set, else by the master
     * key {@code PERSONAL_DATA_LOCAL_KEY} (the local runtime sets one); given neither, the function fails on its
     * first seal or open. The table is read only when a key is configured: functions that never seal need not
     * name it.
     */
    public static PersonalData fromSettings(Settings settings, DynamoDbClient dynamo, Clock clock) {
        Optional<String> kmsKey = settings.find(KMS_KEY_SETTING);
        Optional<String> localKey = kmsKey.isPresent() ? Optional.empty() : settings.find(LOCAL_KEY_SETTING);
        if (kmsKey.isEmpty() && localKey.isEmpty()) {
            return new PersonalData(UNCONFIGURED, clock);
        }
        KeyWrapping wrapping = kmsKey.<KeyWrapping>map(id -> new KmsKeyWrapping(
                        new AwsClients(settings).configure(KmsClient.builder()).build(), id))
                .orElseGet(() -> LocalKeyWrapping.fromBase64(localKey.get()));
        return new PersonalData(new DynamoCustomerKeys(dynamo, settings.require("CUSTOMERS_TABLE"), wrapping, clock),
                clock);
    }

    /** Whether {@code value} is a sealed value (else: clear text, from an event written before values were sealed). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** {@code plaintext} sealed with the customer's key (made on first use); empty when the customer was erased. */
    public Optional<String> seal(CustomerId customer, String plaintext) {
        Optional<SecretKey> key = cached(customer).or(() -> remember(customer, keys.findOrCreate(customer)));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key.get(), iv, customer);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return Optional.of(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The text sealed in {@code sealed}; empty when it cannot be opened any more (the customer's key was
     * destroyed) or never could by this customer (another customer's value, altered, not a sealed value).
     */
    public Optional<String> open(CustomerId customer, String sealed) {
        Optional<byte[]> bytes = decode(sealed);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Optional<SecretKey> key = cached(customer).or(() -> remember(customer, keys.find(customer)));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] all = bytes.get();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOfRange(all, 0, IV_BYTES), customer);
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException notThisCustomersOrAltered) {
            LOG.warn("a sealed value of customer {} does not open with their key (altered, or another customer's)",
                    customer);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A value of an event, sealed or not (older events carry clear text): its text, when it can still be read. */
    public Optional<String> read(CustomerId customer, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return isSealed(value) ? open(customer, value) : Optional.of(value);
    }

    /** Destroys the customer's key: nothing sealed with it opens again (other containers: after {@link #CACHE_TTL}). */
    public void destroyKey(CustomerId customer) {
        synchronized (cache) {
            cache.remove(customer);
        }
        keys.destroy(customer);
    }

    private static Optional<byte[]> decode(String sealed) {
        if (!isSealed(sealed)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            return all.length < IV_BYTES + TAG_BITS / 8 ? Optional.empty() : Optional.of(all);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, CustomerId customer) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(customer.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private Optional<SecretKey> cached(CustomerId customer) {
        synchronized (cache) {
            Cached cached = cache.get(customer);
            if (cached == null) {
                return Optional.empty();
            }
            if (clock.instant().isAfter(cached.readAt().plus(CACHE_TTL))) {
                cache.remove(customer);
                return Optional.empty();
            }
            return Optional.of(cached.key());
        }
    }

    private Optional<SecretKey> remember(CustomerId customer, Optional<SecretKey> key) {
        key.ifPresent(k -> {
            synchronized (cache) {
                cache.put(customer, new Cached(k, clock.instant()));
            }
        });
        return key;
    }
}
