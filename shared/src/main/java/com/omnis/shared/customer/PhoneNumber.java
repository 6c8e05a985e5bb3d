package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A mobile number in E.164 form ({@code +33612345678}): what SNS sends text messages to. */
public record PhoneNumber(String value) {

    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    public static final String RULE = "is a phone number in E.164 form, for example +33612345678";

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
