package com.omnis.customers.domain;

import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.Language;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A customer's edit of their profile: each field kept, set or cleared. */
public record ProfileChange(Edit<String> name, Edit<Email> email, Edit<PhoneNumber> phone, Edit<Language> locale,
                            Edit<ZoneId> timeZone) {

    public ProfileChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /**
     * {@code current} with this change, one version up, made at {@code at} through {@code via}; or
     * {@code current} itself when nothing would change (no write, no new version).
     */
    public CustomerProfile applyTo(CustomerProfile current, Instant at, Channel via) {
        String nextName = name.applyTo(current.name());
        Email nextEmail = email.applyTo(current.email());
        PhoneNumber nextPhone = phone.applyTo(current.phone());
        Language nextLocale = locale.applyTo(current.locale());
        ZoneId nextZone = timeZone.applyTo(current.timeZone());
        if (Objects.equals(nextName, current.name()) && Objects.equals(nextEmail, current.email())
                && Objects.equals(nextPhone, current.phone()) && nextLocale == current.locale()
                && Objects.equals(nextZone, current.timeZone())) {
            return current;
        }
        return new CustomerProfile(current.customerId(), nextName, nextEmail, nextPhone, nextLocale, nextZone,
                current.version() + 1, current.createdAt(), at, via);
    }
}
