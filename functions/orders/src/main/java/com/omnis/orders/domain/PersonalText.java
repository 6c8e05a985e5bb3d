package com.omnis.orders.domain;

import java.util.Objects;

/**
 * Words a person typed (a claim's or a delivery's comment, a return's reason) as a value of an
 * {@link OrderEvent}: never published as is. The service seals it with the customer's data key before the
 * event reaches the outbox, or leaves it out of a guest's event (docs/customer-360.md "Per-customer data keys").
 */
public record PersonalText(String text) {

    public PersonalText {
        Objects.requireNonNull(text, "text");
    }

    /** {@code text} marked personal; null stays null (the field is then absent). */
    public static PersonalText of(String text) {
        return text == null ? null : new PersonalText(text);
    }

    @Override
    public String toString() {
        return "PersonalText[…]";   // never in a log
    }
}
