package com.omnis.notifications.domain;

import com.omnis.shared.domain.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Money and dates as a reader of each language expects them: {@code 129,99 €} in French and Spanish,
 * {@code €129.99} in English; dates in the customer's time zone. Written out rather than left to the
 * JDK's locale data, whose separators (narrow no-break spaces, grouping under 10 000 in Spanish)
 * change between JDK releases and would change every email with them.
 */
public final class LocaleFormats {

    /** Between the amount and the symbol in French and Spanish: never wraps the symbol onto its own line. */
    public static final char NO_BREAK_SPACE = '\u00a0';

    private LocaleFormats() {
    }

    public static String money(Money money, Language language) {
        Currency currency = Currency.getInstance(money.currency());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal value = BigDecimal.valueOf(money.amount(), digits);
        String symbol = money.currency().equals("EUR") ? "€" : currency.getSymbol(language.locale());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(language.locale());
        String pattern = digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
        switch (language) {
            case EN -> {
                symbols.setDecimalSeparator('.');
                symbols.setGroupingSeparator(',');
            }
            case FR -> {
                symbols.setDecimalSeparator(',');
                symbols.setGroupingSeparator(NO_BREAK_SPACE);
            }
            case ES -> {
                symbols.setDecimalSeparator(',');
                symbols.setGroupingSeparator('.');
            }
        }
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        String amount = format.format(value.abs());
        String sign = money.amount() < 0 ? "-" : "";
        return language == Language.EN ? sign + symbol + amount : sign + amount + NO_BREAK_SPACE + symbol;
    }

    private static final Map<Language, DateTimeFormatter> DATE_TIMES = Map.of(
            Language.FR, DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Language.FR.locale()),
            Language.ES, DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm", Language.ES.locale()),
            Language.EN, DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mm a", Language.EN.locale()));

    public static String dateTime(Instant at, Language language, ZoneId zone) {
        return DATE_TIMES.get(language).format(at.atZone(zone));
    }

    /**
     * The template model with every {@link Money} and {@link Instant} written for the language (in nested
     * maps and lists too); anything else as it is.
     */
    public static Map<String, Object> localise(Map<String, ?> model, Language language, ZoneId zone) {
        Map<String, Object> out = new LinkedHashMap<>();
        model.forEach((key, value) -> out.put(key, localiseValue(value, language, zone)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object localiseValue(Object value, Language language, ZoneId zone) {
        return switch (value) {
            case Money money -> money(money, language);
            case Instant instant -> dateTime(instant, language, zone);
            case OpeningHours hours -> hours.lines(language);
            case Map<?, ?> map -> localise((Map<String, ?>) map, language, zone);
            case List<?> list -> list.stream().map(v -> localiseValue(v, language, zone)).toList();
            case null -> "";
            default -> value;
        };
    }
}
