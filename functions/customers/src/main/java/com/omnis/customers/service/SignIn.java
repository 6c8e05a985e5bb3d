package com.omnis.customers.service;

import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.Language;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in customer's call, with what it tells about them the first time: the email their token
 * carries, the language their device asks for, the touchpoint they came through.
 */
public record SignIn(CustomerId customer, Optional<Email> email, Optional<Language> language, Channel touchpoint) {

    public SignIn {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(touchpoint, "touchpoint");
    }
}
