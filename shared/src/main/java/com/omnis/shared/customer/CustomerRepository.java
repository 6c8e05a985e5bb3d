package com.omnis.shared.customer;

import java.util.Optional;

/** Customer profiles, keyed by the customer's token subject. */
public interface CustomerRepository {

    Optional<Customer> find(String customerId);

    void save(Customer customer);
}
