package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.TEE;
import static com.omnis.notifications.testing.NotificationsFixture.busEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.testing.NotificationsFixture;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved-item alerts from inventory's events (events/bus samples): only with consent, stock checked again, one a day. */
class EngagementTest {

    private NotificationsFixture fixture;

    @BeforeEach
    void savers() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-2", "Lucía García", "lucia.garcia@example.es", "+34612345678", "es-ES", "Atlantic/Canary")
                .consent("customer-1", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true)
                .saves("customer-1", TEE).saves("customer-2", TEE);
        fixture.stock(TEE, 2);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void backInStockEmailsTheSaverWhoConsentedAndRecordsWhyTheOtherGotNothing() {
        fixture.deliver(busEvent("BackInStock", detail -> { }));

        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("camille.martin@example.fr");
            assertThat(email.subject()).isEqualTo("T-shirt <Bleu> & Co est de retour en stock");
            assertThat(email.html()).contains("T-shirt &lt;Bleu&gt; &amp; Co", "2 en stock", "15,00\u00a0€");
            assertThat(email.headers()).containsEntry("List-Unsubscribe", "<http://localhost:3000/account/consents>")
                    .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            assertThat(email.text()).contains("Se désabonner : http://localhost:3000/account/consents");
        });
        assertThat(fixture.store.log("customer-2", 10, Optional.empty()).items()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(Decision.Outcome.SUPPRESSED);
            assertThat(line.reason()).isEqualTo("no-consent");
            assertThat(line.eventType()).isEqualTo("BackInStock");
        });
    }

    @Test
    void anItemGoneAgainBeforeTheEmailGetsNoBackInStockEmail() {
        fixture.stock(TEE, 0);

        fixture.deliver(busEvent("BackInStock", detail -> { }));

        assertThat(fixture.outbox.emails).isEmpty();
    }

    @Test
    void aWithdrawnConsentStopsTheNextAlert() {
        fixture.customers.consent("customer-1", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, false);

        fixture.deliver(busEvent("BackInStock", detail -> { }));

        assertThat(fixture.outbox.emails).isEmpty();
    }

    @Test
    void theSecondAlertOfTheDayWaitsForTomorrowMorning() {
        fixture.deliver(busEvent("BackInStock", detail -> { }));
        fixture.deliver(busEvent("LowStock", detail -> { }));

        assertThat(fixture.outbox.emails).hasSize(1);
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items())
                .filteredOn(line -> line.kind() == MessageKind.RUNNING_LOW).singleElement().satisfies(line -> {
            assertThat(line.reason()).isEqualTo("frequency-cap");
            assertThat(line.notBefore()).contains(Instant.parse("2027-01-19T07:00:00Z"));
        });

        fixture.clock.set(Instant.parse("2027-01-19T07:05:00Z"));
        new NotificationsScheduleHandler(fixture.notifications).handleRequest(java.util.Map.of("job", "deferred"), null);

        assertThat(fixture.outbox.emails).hasSize(2);
        assertThat(fixture.outbox.emails.get(1).subject()).isEqualTo("Plus que 2 : T-shirt <Bleu> & Co");
    }

    @Test
    void marketingAtNightIsDeferredToTheMorningNotDropped() {
        fixture.clock.set(Instant.parse("2027-01-18T22:30:00Z"));

        fixture.deliver(busEvent("BackInStock", detail -> { }));

        assertThat(fixture.outbox.emails).isEmpty();
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).first()
                .satisfies(line -> assertThat(line.reason()).isEqualTo("quiet-hours"));
    }
}
