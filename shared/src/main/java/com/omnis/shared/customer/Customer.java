package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer's profile, the same on every channel: how to reach them and in which language.
 *
 * @param customerId the subject ({@code sub}) of the customer's token, by the rule of {@link CustomerId}
 * @param phone E.164, for text messages ({@code +33612345678}); may be absent
 * @param locale a BCP 47 language tag ({@code fr-FR}): the language of emails and messages
 * @param preferredChannel where the customer prefers to be served and notified from
 */
public record Customer(String customerId, String name, String email, String phone, String locale,
                       Channel preferredChannel) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Customer {
        try {
            CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customerId: " + e.getMessage());
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            throw new IllegalArgumentException("email must be an email address");
        }
        if (phone != null && !E164.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be in E.164 form, for example +33612345678");
        }
        if (locale == null || Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
            throw new IllegalArgumentException("locale must be a language tag such as fr-FR");
        }
        if (preferredChannel == null) {
            throw new IllegalArgumentException("preferredChannel is required");
        }
    }

    public Locale language() {
        return Locale.forLanguageTag(locale);
    }
}
