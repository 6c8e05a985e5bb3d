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

    /**
     * A number as people type it ({@code +33 6 12 34 56 78}, {@code 0033-6-12-34-56-78},
     * {@code (+33) 612.345.678}): spaces, dots, dashes and brackets dropped, a leading {@code 00} read as
     * {@code +}. A national number without its country code is refused rather than guessed.
     */
    public static PhoneNumber normalise(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException(RULE);
        }
        String digits = typed.strip().replaceAll("[\\s.\\-()/]", "");
        return of(digits.startsWith("00") ? "+" + digits.substring(2) : digits);
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
