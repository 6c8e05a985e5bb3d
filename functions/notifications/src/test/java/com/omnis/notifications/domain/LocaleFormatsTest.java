package com.omnis.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.domain.Money;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocaleFormatsTest {

    private static final String NBSP = "\u00a0";

    @Test
    void frenchAndSpanishPutTheEuroAfterTheAmountAndEnglishBefore() {
        Money price = Money.of(12999, "EUR");

        assertThat(LocaleFormats.money(price, Language.FR)).isEqualTo("129,99" + NBSP + "€");
        assertThat(LocaleFormats.money(price, Language.ES)).isEqualTo("129,99" + NBSP + "€");
        assertThat(LocaleFormats.money(price, Language.EN)).isEqualTo("€129.99");
    }

    @Test
    void thousandsAreGroupedTheWayEachLanguageWritesThem() {
        Money price = Money.of(123456, "EUR");

        assertThat(LocaleFormats.money(price, Language.FR)).isEqualTo("1" + NBSP + "234,56" + NBSP + "€");
        assertThat(LocaleFormats.money(price, Language.ES)).isEqualTo("1.234,56" + NBSP + "€");
        assertThat(LocaleFormats.money(price, Language.EN)).isEqualTo("€1,234.56");
        assertThat(LocaleFormats.money(Money.of(-500, "EUR"), Language.EN)).isEqualTo("-€5.00");
    }

    @Test
    void datesAreWrittenInTheCustomersTimeZoneAndLanguage() {
        Instant at = Instant.parse("2027-01-23T19:00:00Z");

        assertThat(LocaleFormats.dateTime(at, Language.FR, ZoneId.of("Europe/Paris"))).isEqualTo("samedi 23 janvier 2027 à 20:00");
        assertThat(LocaleFormats.dateTime(at, Language.ES, ZoneId.of("Atlantic/Canary")))
                .isEqualTo("sábado 23 de enero de 2027, 19:00");
        assertThat(LocaleFormats.dateTime(at, Language.EN, ZoneId.of("Europe/London"))).isEqualTo("Saturday 23 January 2027 at 7:00 PM");
    }
}
