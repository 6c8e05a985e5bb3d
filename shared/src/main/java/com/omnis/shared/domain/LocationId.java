package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A store or warehouse id: 3 to 40 lower-case letters, digits and dashes, e.g. {@code store-paris-opera}. */
public record LocationId(String value) {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    public static final String RULE = "a location id is 3 to 40 characters of a-z, 0-9 and '-'";

    public LocationId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static LocationId of(String value) {
        return new LocationId(value);
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
