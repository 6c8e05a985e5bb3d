package com.omnis.shared.customer;

import java.util.Optional;

/** Customer profiles, keyed by the customer's token subject, as the contexts that reach customers read them. */
public interface CustomerRepository {

    Optional<Customer> find(String customerId);
}
