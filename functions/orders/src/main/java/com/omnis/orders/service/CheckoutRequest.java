package com.omnis.orders.service;

import com.omnis.orders.domain.Address;
import com.omnis.orders.domain.Contact;
import com.omnis.orders.domain.Sourcing;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import java.util.Optional;

/**
 * A validated checkout: the cart, how it is fulfilled and paid, who to tell, the total the channel showed, and,
 * when a call-centre agent checks out for a customer, that customer ({@code onBehalfOf}).
 */
public record CheckoutRequest(String cartId, Sourcing.Method method, Optional<String> locationId, Optional<Address> address,
                              PaymentMethod payment, Optional<String> paymentReference, Contact contact,
                              Optional<Money> expectedTotal, Optional<CustomerId> onBehalfOf) {

    /** A checkout by the cart's own shopper (not an agent acting for a customer). */
    public CheckoutRequest(String cartId, Sourcing.Method method, Optional<String> locationId, Optional<Address> address,
                           PaymentMethod payment, Optional<String> paymentReference, Contact contact,
                           Optional<Money> expectedTotal) {
        this(cartId, method, locationId, address, payment, paymentReference, contact, expectedTotal, Optional.empty());
    }

    /** {@code card}: authorised by the channel, with the provider's reference; {@code pay-at-pickup}; {@code till}: paid at the store's till. */
    public enum PaymentMethod {
        CARD, PAY_AT_PICKUP, TILL
    }
}
