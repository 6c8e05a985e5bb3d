package com.omnis.orders.domain;

import java.util.regex.Pattern;

/** Where a delivery goes. The postal code decides same-day coverage. */
public record Address(String name, String line1, String postalCode, String city, String country) {

    public static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]{2,10}");
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Address {
        if (line1 == null || line1.isBlank() || line1.length() > 200 || city == null || city.isBlank() || city.length() > 100) {
            throw new IllegalArgumentException("an address has a line1 (1 to 200 characters) and a city (1 to 100)");
        }
        if (postalCode == null || !POSTAL_CODE.matcher(postalCode).matches()) {
            throw new IllegalArgumentException("a postal code is 2 to 10 letters, digits, spaces or dashes");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("a country is its ISO 3166 alpha-2 code, e.g. FR");
        }
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("a name is at most 200 characters");
        }
    }
}
