package com.omnis.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy's order of steps: the first that refuses decides, and says why. */
class DeliveryPolicyTest {

    private static final Instant NOON_IN_PARIS = Instant.parse("2027-01-18T11:00:00Z");
    private static final Instant LATE_IN_PARIS = Instant.parse("2027-01-18T22:15:00Z");
    private static final Recipient CAMILLE = new Recipient("customer-1", "Camille", Optional.of("c@example.fr"),
            Optional.of("+33612345678"), "fr-FR", ZoneId.of("Europe/Paris"));

    @Test
    void aTransactionalEmailNeedsNoConsentAndGoesAtNight() {
        Decision decision = decide(MessageKind.ORDER_CONFIRMATION, MessageChannel.EMAIL, CAMILLE, false, Optional.empty(),
                false, LATE_IN_PARIS);

        assertThat(decision).isEqualTo(Decision.send("transactional", Language.FR));
    }

    @Test
    void marketingWithoutConsentIsSuppressedBeforeAnythingElseIsLookedAt() {
        Decision decision = decide(MessageKind.BACK_IN_STOCK, MessageChannel.EMAIL, CAMILLE, false, Optional.of("bounced"),
                true, LATE_IN_PARIS);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.SUPPRESSED);
        assertThat(decision.reason()).isEqualTo("no-consent");
    }

    @Test
    void aSuppressedAddressGetsNothingEvenTransactional() {
        Decision decision = decide(MessageKind.SHIPPED, MessageChannel.EMAIL, CAMILLE, false, Optional.of("complained"),
                false, NOON_IN_PARIS);

        assertThat(decision).isEqualTo(Decision.suppress("complained", Language.FR));
    }

    @Test
    void noPhoneNumberMeansNoTextMessage() {
        Recipient noPhone = new Recipient("customer-9", "", Optional.of("x@example.fr"), Optional.empty(), "es",
                ZoneId.of("Europe/Madrid"));

        assertThat(decide(MessageKind.READY_FOR_PICKUP, MessageChannel.SMS, noPhone, false, Optional.empty(), false,
                NOON_IN_PARIS)).isEqualTo(Decision.suppress("no-address", Language.ES));
    }

    @Test
    void aTextMessageAtNightWaitsForEightOClockLocalTime() {
        Decision decision = decide(MessageKind.READY_FOR_PICKUP, MessageChannel.SMS, CAMILLE, false, Optional.empty(),
                false, LATE_IN_PARIS);

        assertThat(decision).isEqualTo(Decision.defer("quiet-hours", Instant.parse("2027-01-19T07:00:00Z"), Language.FR));
    }

    @Test
    void justBeforeEightIsStillQuietAndEightIsNot() {
        assertThat(QuietHours.isQuiet(Instant.parse("2027-01-19T06:59:59Z"), ZoneId.of("Europe/Paris"))).isTrue();
        assertThat(QuietHours.isQuiet(Instant.parse("2027-01-19T07:00:00Z"), ZoneId.of("Europe/Paris"))).isFalse();
        assertThat(QuietHours.isQuiet(Instant.parse("2027-01-19T20:00:00Z"), ZoneId.of("Europe/Paris"))).isTrue();
        assertThat(QuietHours.isQuiet(Instant.parse("2027-01-19T20:00:00Z"), ZoneId.of("Atlantic/Canary"))).isFalse();
    }

    @Test
    void theDaysSecondMarketingMessageWaitsForTomorrowMorning() {
        Decision decision = decide(MessageKind.PRICE_DROP, MessageChannel.EMAIL, CAMILLE, true, Optional.empty(), true,
                NOON_IN_PARIS);

        assertThat(decision).isEqualTo(Decision.defer("frequency-cap", Instant.parse("2027-01-19T07:00:00Z"), Language.FR));
    }

    @Test
    void aLocaleOtherThanFrenchSpanishOrEnglishIsWrittenToInEnglish() {
        assertThat(Language.ofLocale("de-DE")).isEqualTo(Language.EN);
        assertThat(Language.ofLocale(null)).isEqualTo(Language.EN);
        assertThat(Language.ofLocale("es_ES")).isEqualTo(Language.ES);
        assertThat(Language.ofLocale("fr")).isEqualTo(Language.FR);
    }

    private static Decision decide(MessageKind kind, MessageChannel channel, Recipient recipient, boolean consented,
                                   Optional<String> suppression, boolean capped, Instant now) {
        return DeliveryPolicy.decide(new DeliveryPolicy.Facts(kind, channel, recipient, consented, suppression, capped, now));
    }
}
