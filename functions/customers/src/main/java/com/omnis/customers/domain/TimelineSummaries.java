package com.omnis.customers.domain;

import com.omnis.shared.customer.Language;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The one-line summaries of timeline facts, in the customer's language: {@code timeline*.properties}
 * beside this package (English is the fallback), formatted with {@link MessageFormat}. The arguments
 * are the same for every key: {0} order number, {1} sales channel, {2} SKU, {3} consent purpose,
 * {4} contact channel, {5} reason, {6} payment status.
 */
public final class TimelineSummaries {

    private static final String BUNDLE = "com.omnis.customers.timeline";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public TimelineSummaries() {
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /** The summary of {@code key} in {@code language}; empty when the key is not a timeline fact. */
    public Optional<String> summary(String key, Language language, Object... arguments) {
        try {
            String pattern = bundles.get(language).getString(key);
            return Optional.of(new MessageFormat(pattern, language.locale()).format(arguments));
        } catch (MissingResourceException notAFact) {
            return Optional.empty();
        }
    }
}
