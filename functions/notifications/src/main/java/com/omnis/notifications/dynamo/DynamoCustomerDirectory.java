package com.omnis.notifications.dynamo;

import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.domain.Recipient;
import com.omnis.notifications.service.CustomerDirectory;
import com.omnis.shared.customer.Customer;
import com.omnis.shared.customer.CustomerRepository;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Optional;

/**
 * The customers table through the shared profile reader. Interim, until the customers function's read
 * port (consent ledger, time zone, saved items by SKU) is on main: the profile on main has no consents,
 * so no customer has consented to anything and nobody has saved an item; every engagement message is
 * therefore suppressed as {@code no-consent}, which is the safe reading of "never stated".
 */
public final class DynamoCustomerDirectory implements CustomerDirectory {

    private final CustomerRepository profiles;

    public DynamoCustomerDirectory(CustomerRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<Recipient> recipient(String customerId) {
        return profiles.find(customerId).map(DynamoCustomerDirectory::recipient);
    }

    private static Recipient recipient(Customer customer) {
        return new Recipient(customer.customerId(), customer.name(), Optional.ofNullable(customer.email()),
                Optional.ofNullable(customer.phone()), customer.locale(), Recipient.DEFAULT_ZONE);
    }

    @Override
    public boolean consented(String customerId, Purpose purpose, MessageChannel channel) {
        return false;
    }

    @Override
    public List<String> saversOf(Sku sku) {
        return List.of();
    }
}
