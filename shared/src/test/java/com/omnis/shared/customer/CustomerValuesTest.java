package com.omnis.shared.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerValuesTest {

    private static final CustomerId ID = CustomerId.of("customer-1");
    private static final Instant AT = Instant.parse("2026-06-15T10:00:00Z");

    @Test
    void anEmailIsKeptLowerCaseAndMustBeDeliverable() {
        assertThat(Email.of("  Camille.Martin@Example.FR ").value()).isEqualTo("camille.martin@example.fr");
        assertThat(Email.of("o'neil+news@mail.example.co.uk").value()).isEqualTo("o'neil+news@mail.example.co.uk");
        for (String bad : new String[]{"camille", "camille@", "@example.fr", "camille@example", "a b@example.fr",
                "camille@@example.fr", "camille..m@example.fr", "camille@-example.fr", "x".repeat(65) + "@example.fr"}) {
            assertThatThrownBy(() -> Email.of(bad)).as(bad).hasMessage(Email.RULE);
        }
    }

    @Test
    void aPhoneNumberIsE164() {
        assertThat(PhoneNumber.of("+34612345678").value()).isEqualTo("+34612345678");
        for (String bad : new String[]{"0612345678", "+33 6 12 34 56 78", "+0612345678", "+1234", "+1234567890123456"}) {
            assertThatThrownBy(() -> PhoneNumber.of(bad)).as(bad).hasMessage(PhoneNumber.RULE);
        }
    }

    @Test
    void theLanguageIsFrenchSpanishOrEnglishAndAcceptLanguagePicksTheFirstOfThose() {
        assertThat(Language.of("es")).isEqualTo(Language.ES);
        assertThatThrownBy(() -> Language.of("fr-FR")).hasMessage(Language.RULE);
        assertThat(Language.preferredIn("de-DE,de;q=0.9,es;q=0.8,en;q=0.5")).contains(Language.ES);
        assertThat(Language.preferredIn("fr-CA")).contains(Language.FR);
        assertThat(Language.preferredIn("de")).isEmpty();
        assertThat(Language.preferredIn("%%%")).isEmpty();
    }

    @Test
    void aTimeZoneIsAnIanaRegionNotAnOffset() {
        assertThat(TimeZones.of("Atlantic/Canary").getId()).isEqualTo("Atlantic/Canary");
        assertThatThrownBy(() -> TimeZones.of("+01:00")).hasMessage(TimeZones.RULE);
        assertThatThrownBy(() -> TimeZones.of("Europe/Atlantis")).hasMessage(TimeZones.RULE);
    }

    @Test
    void theLastStatementAboutAPairIsItsConsentAndAPairNeverStatedIsNotGranted() {
        Consent granted = consent(true, 1);
        Consent withdrawn = consent(false, 2);

        Consents consents = Consents.NONE.with(granted).with(withdrawn);

        assertThat(consents.granted(ConsentPurpose.MARKETING, ContactChannel.EMAIL)).isFalse();
        assertThat(consents.of(ConsentPurpose.MARKETING, ContactChannel.EMAIL)).contains(withdrawn);
        assertThat(consents.granted(ConsentPurpose.SAVED_ITEM_ALERTS, ContactChannel.SMS)).isFalse();
        assertThat(consents.version()).isEqualTo(2);
    }

    @Test
    void everyItemKindReadsBackAsItWasWritten() {
        CustomerProfile profile = new CustomerProfile(ID, "Camille", Email.of("camille@example.fr"),
                PhoneNumber.of("+33612345678"), Language.FR, TimeZones.of("Europe/Paris"), 4, AT, AT, Channel.MOBILE);
        Consents consents = Consents.NONE.with(consent(true, 1));
        SavedItem saved = new SavedItem(ID, Sku.of("TEE-BLUE-M"), AT, Channel.STORE, Money.of(1799, "EUR"), 3);

        assertThat(CustomerItems.profileFromItem(CustomerItems.toItem(profile))).isEqualTo(profile);
        assertThat(CustomerItems.consentsFromItem(CustomerItems.toItem(ID, consents))).isEqualTo(consents);
        assertThat(CustomerItems.consentFromItem(CustomerItems.ledgerToItem(ID, consent(true, 7)))).isEqualTo(consent(true, 7));
        assertThat(CustomerItems.savedFromItem(CustomerItems.toItem(saved))).isEqualTo(saved);
        assertThat(CustomerItems.toItem(saved)).containsKey(CustomerItems.SAVED_SKU);
        assertThat(CustomerItems.toItem(profile)).doesNotContainKey(CustomerItems.SAVED_SKU);
    }

    @Test
    void theLedgerSortsByItsSequence() {
        assertThat(CustomerItems.ledgerItem(9)).isLessThan(CustomerItems.ledgerItem(10));
        assertThat(CustomerItems.ledgerItem(10)).startsWith(CustomerItems.LEDGER_PREFIX);
        // the ledger prefix does not select the CONSENTS item
        assertThat(CustomerItems.CONSENTS).doesNotStartWith(CustomerItems.LEDGER_PREFIX);
    }

    @Test
    void aProfileCreatedAtFirstSignInHasOnlyWhatWasKnownAndFallsBackToEnglish() {
        CustomerProfile first = CustomerProfile.firstSeen(ID, null, null, AT, Channel.WEB);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.emailAddress()).isEqualTo(Optional.empty());
        assertThat(first.languageOrFallback()).isEqualTo(Language.EN);
        assertThat(CustomerItems.profileFromItem(CustomerItems.toItem(first))).isEqualTo(first);
    }

    private static Consent consent(boolean granted, long sequence) {
        return new Consent(ConsentPurpose.MARKETING, ContactChannel.EMAIL, granted, AT, Channel.WEB, Actor.customer(ID),
                "mkt-v1", sequence);
    }
}
