package com.omnis.carts.domain;

import com.omnis.shared.domain.CustomerId;

/** Who a cart belongs to: a signed-in customer, or whoever holds the guest token. */
public sealed interface CartOwner {

    record Customer(CustomerId customerId) implements CartOwner {
        public Customer {
            if (customerId == null) {
                throw new IllegalArgumentException("customerId is required");
            }
        }
    }

    record Guest(String tokenHash) implements CartOwner {
        public Guest {
            if (tokenHash == null || tokenHash.isBlank()) {
                throw new IllegalArgumentException("tokenHash is required");
            }
        }
    }
}
