package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** How to reach the buyer about the order; a guest must give one of them. */
public record Contact(String email, String phone) {

    public Contact {
        if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}")) {
            throw new IllegalArgumentException("an email is name@domain");
        }
        if (phone != null && !phone.matches("\\+?[0-9 .-]{6,20}")) {
            throw new IllegalArgumentException("a phone number is 6 to 20 digits, optionally with +, spaces, dots or dashes");
        }
    }

    @JsonIgnore
    public boolean isEmpty() {
        return email == null && phone == null;
    }
}
