package com.omnis.customers.service;

import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.NamePrefix;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.order.OrderHistory;
import java.util.List;

/**
 * How a call-centre agent finds the customer on the line: by the email, the phone number or the beginning
 * of the name they give, answered from the sparse indexes of {@code PROFILE} items, never a scan. Reads only: nothing is
 * created for a contact nobody holds.
 */
public final class CustomerSearch {

    /** What the agent asked for: exactly one contact. */
    public sealed interface Query permits ByEmail, ByPhone, ByName, ByOrderNumber {
    }

    /** The number of one of their orders ({@code OM-…}), as printed on the receipt. */
    public record ByOrderNumber(String number) implements Query {
        public ByOrderNumber {
            number = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
            if (!number.matches("OM-[A-Z0-9]{4,16}")) {
                throw new IllegalArgumentException("is an order number such as OM-7NAYE9TD");
            }
        }
    }

    /** The beginning of the name, first name first, as folded by {@link NamePrefix}. */
    public record ByName(NamePrefix prefix) implements Query {
    }

    public record ByEmail(Email email) implements Query {
    }

    public record ByPhone(PhoneNumber phone) implements Query {
    }

    private final CustomerStore store;
    private final OrderHistory orders;

    public CustomerSearch(CustomerStore store, OrderHistory orders) {
        this.store = store;
        this.orders = orders;
    }

    public List<CustomerProfile> find(Query query) {
        return switch (query) {
            case ByEmail byEmail -> store.profilesWithEmail(byEmail.email());
            case ByPhone byPhone -> store.profilesWithPhone(byPhone.phone());
            case ByName byName -> store.profilesNamed(byName.prefix());
            case ByOrderNumber byNumber -> orders.customerOf(byNumber.number()).flatMap(store::profile)
                    .map(List::of).orElse(List.of());
        };
    }
}
