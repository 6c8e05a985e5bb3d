package com.omnis.notifications.service;

import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.domain.Recipient;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Optional;

/**
 * What notifications reads of the customers context: how to reach a customer, what they agreed to,
 * and who saved a SKU, in the policy's own terms (its adapter, {@code dynamo.CustomersReadPort}, reads the
 * customers' shared read port), so the policy is tested with an in-memory fake.
 */
public interface CustomerDirectory {

    Optional<Recipient> recipient(String customerId);

    /** The customer's current consent for a (non-transactional) purpose on a channel; never stated is no. */
    boolean consented(String customerId, Purpose purpose, MessageChannel channel);

    /** The customers who saved {@code sku} (its saved-items index). */
    List<String> saversOf(Sku sku);
}
