package com.omnis.shared.customer;

import java.util.Objects;

/** What a message to a customer needs: how to reach them (profile) and what they agreed to (current consents). */
public record CustomerContact(CustomerProfile profile, Consents consents) {

    public CustomerContact {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(consents, "consents");
    }

    public boolean granted(ConsentPurpose purpose, ContactChannel channel) {
        return consents.granted(purpose, channel);
    }
}
