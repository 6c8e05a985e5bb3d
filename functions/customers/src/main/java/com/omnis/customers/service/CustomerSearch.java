package com.omnis.customers.service;

import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.NamePrefix;
import com.omnis.shared.customer.PhoneNumber;
import java.util.List;

/**
 * How a call-centre agent finds the customer on the line: by the email, the phone number or the beginning
 * of the name they give, answered from the sparse indexes of {@code PROFILE} items, never a scan. Reads only: nothing is
 * created for a contact nobody holds.
 */
public final class CustomerSearch {

    /** What the agent asked for: exactly one contact. */
    public sealed interface Query permits ByEmail, ByPhone, ByName {
    }

    /** The beginning of the name, first name first, as folded by {@link NamePrefix}. */
    public record ByName(NamePrefix prefix) implements Query {
    }

    public record ByEmail(Email email) implements Query {
    }

    public record ByPhone(PhoneNumber phone) implements Query {
    }

    private final CustomerStore store;

    public CustomerSearch(CustomerStore store) {
        this.store = store;
    }

    public List<CustomerProfile> find(Query query) {
        return switch (query) {
            case ByEmail byEmail -> store.profilesWithEmail(byEmail.email());
            case ByPhone byPhone -> store.profilesWithPhone(byPhone.phone());
            case ByName byName -> store.profilesNamed(byName.prefix());
        };
    }
}
