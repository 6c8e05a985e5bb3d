package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Objects;

/**
 * Who made a statement on the customer's behalf: the customer themselves, an agent on the phone,
 * staff at the till, or the system (a bounce, a STOP reply). {@code id} is their token subject.
 */
public record Actor(Kind kind, String id) {

    public enum Kind {
        CUSTOMER("customer"), AGENT("agent"), STAFF("staff"), SYSTEM("system");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Kind of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("an actor is a customer, agent, staff or system"));
        }
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("an actor has an id of 1 to 128 characters");
        }
    }

    public static Actor customer(com.omnis.shared.domain.CustomerId customer) {
        return new Actor(Kind.CUSTOMER, customer.value());
    }
}
