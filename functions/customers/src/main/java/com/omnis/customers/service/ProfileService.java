package com.omnis.customers.service;

import com.omnis.customers.domain.ProfileChange;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.error.ConflictException;
import java.time.Clock;
import java.util.Optional;

/**
 * The customer's profile: created at their first sign-in, edited by them from any channel. Two
 * channels editing at once never lose an edit: each change is written at the version it was decided
 * on, and a lost race decides again; a caller that sends the version it saw ({@code If-Match}) is
 * told when the profile moved on since (409 with the current profile).
 */
public final class ProfileService {

    private final CustomerStore store;
    private final Clock clock;
    private final Retry retry;

    public ProfileService(CustomerStore store, Clock clock, Retry retry) {
        this.store = store;
        this.clock = clock;
        this.retry = retry;
    }

    /** The customer's profile, created first if this is their first call. */
    public CustomerProfile signIn(SignIn signIn) {
        Optional<CustomerProfile> existing = store.profile(signIn.customer());
        if (existing.isPresent()) {
            return existing.get();
        }
        CustomerProfile first = CustomerProfile.firstSeen(signIn.customer(), signIn.email().orElse(null),
                signIn.language().orElse(null), clock.instant(), signIn.touchpoint());
        if (store.createProfile(first)) {
            return first;
        }
        // another channel signed in at the same moment and created it: theirs stands
        return store.profile(signIn.customer()).orElseThrow();
    }

    public CustomerProfile change(SignIn signIn, ProfileChange change, Optional<Long> expectedVersion, Channel via) {
        return retry.run(() -> {
            CustomerProfile current = signIn(signIn);
            if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                throw new ConflictException("version-mismatch", "Version mismatch",
                        "the profile is at version " + current.version() + ", not " + expectedVersion.get()
                                + ": review the current profile and send the change again", current);
            }
            CustomerProfile next = change.applyTo(current, clock.instant(), via);
            if (next != current) {
                store.replaceProfile(next, current.version());
            }
            return next;
        });
    }
}
