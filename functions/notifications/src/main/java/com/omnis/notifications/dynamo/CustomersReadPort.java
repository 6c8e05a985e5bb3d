package com.omnis.notifications.dynamo;

import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.domain.Recipient;
import com.omnis.notifications.service.CustomerDirectory;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.CustomerContact;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notifications' customer port on the customers' shared read port ({@code shared.customer.CustomerDirectory}
 * on the customers table): profile, current consents (read strongly consistent, so a consent withdrawn a
 * moment ago is honoured) and the savers of a SKU (the {@code bySku} index), every page of them.
 */
public final class CustomersReadPort implements CustomerDirectory {

    private final com.omnis.shared.customer.CustomerDirectory customers;

    public CustomersReadPort(com.omnis.shared.customer.CustomerDirectory customers) {
        this.customers = customers;
    }

    @Override
    public Optional<Recipient> recipient(String customerId) {
        return contact(customerId).map(contact -> {
            CustomerProfile profile = contact.profile();
            return new Recipient(customerId, profile.displayName().orElse(""), profile.emailAddress().map(Email::value),
                    profile.mobile().map(PhoneNumber::value), profile.languageOrFallback().code(),
                    profile.zone().orElse(Recipient.DEFAULT_ZONE));
        });
    }

    @Override
    public boolean consented(String customerId, Purpose purpose, MessageChannel channel) {
        if (!purpose.isMarketing()) {
            return true;
        }
        ConsentPurpose asked = ConsentPurpose.of(purpose.code());
        ContactChannel on = ContactChannel.of(channel.code());
        return contact(customerId).map(contact -> contact.granted(asked, on)).orElse(false);
    }

    @Override
    public List<String> saversOf(Sku sku) {
        List<String> savers = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<SavedItem> page = customers.savers(sku, com.omnis.shared.customer.CustomerDirectory.MAX_SAVERS_PAGE, cursor);
            page.items().forEach(item -> savers.add(item.customerId().value()));
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent());
        return savers;
    }

    private Optional<CustomerContact> contact(String customerId) {
        try {
            return customers.contact(CustomerId.of(customerId));
        } catch (IllegalArgumentException e) {
            // not a customer id (a guest's key): nobody to look up
            return Optional.empty();
        }
    }
}
