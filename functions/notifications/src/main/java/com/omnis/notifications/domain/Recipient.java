package com.omnis.notifications.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A person a message goes to, as the policy needs them: where to reach them, in which language and
 * time zone. A customer's record gives all of it; a guest's order gives only an address.
 *
 * @param customerId the customer's token subject; for a guest, {@code guest:<order id>}
 * @param locale the customer's locale tag as stored ({@code fr}, {@code es-ES}); the language falls back to {@code en}
 */
public record Recipient(String customerId, String name, Optional<String> email, Optional<String> phone, String locale,
                        ZoneId timeZone) {

    /** Where a customer without a time zone is taken to be: the retailer's home. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    public Recipient {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
        name = name == null ? "" : name;
    }

    public Language language() {
        return Language.ofLocale(locale);
    }

    public Optional<String> address(MessageChannel channel) {
        return channel == MessageChannel.EMAIL ? email : phone;
    }
}
