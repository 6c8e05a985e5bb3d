package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.testing.NotificationsFixture;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No text message between 21:00 and 08:00 where the customer lives: at 20:30 UTC in January it is 21:30
 * in Paris and 20:30 in the Canary Islands. A deferred message is sent by the schedule at 08:00, not dropped.
 */
class QuietHoursTest {

    private static final Instant EVENING = Instant.parse("2027-01-18T20:30:00Z");

    private NotificationsFixture fixture;

    @BeforeEach
    void customers() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-2", "Lucía García", "lucia.garcia@example.es", "+34612345678", "es-ES", "Atlantic/Canary");
        fixture.deliver(event("OrderPlaced"));
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-canary").put("customerId", "customer-2")));
        fixture.outbox.emails.clear();
        fixture.clock.set(EVENING);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void atHalfPastNineInParisTheTextWaitsTillEightButTheEmailGoesAtOnce() {
        fixture.deliver(event("FulfilmentReadyForPickup"));

        assertThat(fixture.outbox.sms).isEmpty();
        assertThat(fixture.outbox.emails).hasSize(1);
        Delivery deferred = fixture.store.log("customer-1", 10, Optional.empty()).items().stream()
                .filter(line -> line.channel().code().equals("sms")).findFirst().orElseThrow();
        assertThat(deferred.outcome()).isEqualTo(Decision.Outcome.DEFERRED);
        assertThat(deferred.reason()).isEqualTo("quiet-hours");
        assertThat(deferred.notBefore()).contains(Instant.parse("2027-01-19T07:00:00Z")); // 08:00 in Paris
    }

    @Test
    void atHalfPastEightInTheCanaryIslandsTheTextGoesAtOnce() {
        fixture.deliver(event("FulfilmentReadyForPickup", data -> data.put("orderId", "ord-canary")));

        assertThat(fixture.outbox.sms).singleElement().satisfies(sms -> {
            assertThat(sms.to()).isEqualTo("+34612345678");
            assertThat(sms.text()).startsWith("Omnis: su pedido OM-7K3QX9ZB está listo");
        });
    }

    @Test
    void theScheduleSendsTheDeferredTextAtEightInParisAndOnlyOnce() {
        fixture.deliver(event("FulfilmentReadyForPickup"));
        var schedule = new NotificationsScheduleHandler(fixture.notifications);

        fixture.clock.set(Instant.parse("2027-01-19T06:59:00Z"));
        schedule.handleRequest(Map.of("job", "deferred"), null);
        assertThat(fixture.outbox.sms).isEmpty();

        fixture.clock.set(Instant.parse("2027-01-19T07:00:00Z"));
        schedule.handleRequest(Map.of("job", "deferred"), null);
        schedule.handleRequest(Map.of("job", "deferred"), null);
        fixture.deliver(event("FulfilmentReadyForPickup"));

        assertThat(fixture.outbox.sms).singleElement().satisfies(sms -> assertThat(sms.to()).isEqualTo("+33612345678"));
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).first()
                .satisfies(line -> assertThat(line.outcome()).isEqualTo(Decision.Outcome.SENT));
    }
}
