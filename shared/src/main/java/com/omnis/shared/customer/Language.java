package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages messages and pages are written in; a customer without one is written to in {@link #FALLBACK}. */
public enum Language {
    FR("fr"), ES("es"), EN("en");

    public static final Language FALLBACK = EN;
    public static final String RULE = "is one of fr, es, en";

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    @JsonCreator
    public static Language of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(RULE));
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The first of our languages an {@code Accept-Language} header asks for, if any (a malformed header asks for none). */
    public static Optional<Language> preferredIn(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String tag = Locale.lookupTag(ranges, Arrays.stream(values()).map(Language::code).toList());
            return Optional.ofNullable(tag).flatMap(Language::fromCode);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
