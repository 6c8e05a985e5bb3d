package com.omnis.notifications.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages messages are written in. A customer whose locale is none of these (or who has none)
 * is written to in {@link #FALLBACK}; {@code fr-FR} and {@code fr} both mean French.
 */
public enum Language {
    FR("fr"), ES("es"), EN("en");

    public static final Language FALLBACK = EN;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of a locale tag ({@code fr}, {@code es-ES}, {@code en-GB}); {@link #FALLBACK} for anything else. */
    public static Language ofLocale(String tag) {
        if (tag == null || tag.isBlank()) {
            return FALLBACK;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.code.equals(language)).findFirst().orElse(FALLBACK);
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
