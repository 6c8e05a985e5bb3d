package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's profile, the same on every channel: how to reach them, in which language, in which
 * time zone. Created at the customer's first sign-in, so every contact detail may still be absent;
 * {@code version} grows with every change (optimistic locking between channels).
 *
 * @param updatedVia the touchpoint of the last change (or of the sign-in that created the profile)
 */
public record CustomerProfile(CustomerId customerId, String name, Email email, PhoneNumber phone, Language locale,
                              ZoneId timeZone, long version, Instant createdAt, Instant updatedAt, Channel updatedVia) {

    public static final int MAX_NAME = 200;

    public CustomerProfile {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a stored profile has a version of 1 or more");
        }
    }

    /** The profile of a first sign-in: version 1, with whatever the token and the request told. */
    public static CustomerProfile firstSeen(CustomerId customerId, Email email, Language locale, Instant at,
                                            Channel via) {
        return new CustomerProfile(customerId, null, email, null, locale, null, 1, at, at, via);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(name);
    }

    public Optional<Email> emailAddress() {
        return Optional.ofNullable(email);
    }

    public Optional<PhoneNumber> mobile() {
        return Optional.ofNullable(phone);
    }

    /** The language to write to the customer in: theirs, else {@link Language#FALLBACK}. */
    public Language languageOrFallback() {
        return locale == null ? Language.FALLBACK : locale;
    }

    public Optional<ZoneId> zone() {
        return Optional.ofNullable(timeZone);
    }
}
