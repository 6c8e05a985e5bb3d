package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.testing.NotificationsFixture;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bounce or complaint from SES, or a STOP reply, and the address receives nothing more, transactional or not. */
class SuppressionTest {

    private NotificationsFixture fixture;

    @BeforeEach
    void customer() {
        fixture = new NotificationsFixture();
        fixture.customers.add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aHardBounceSuppressesTheAddressWhateverItsCase() {
        fixture.deliver(event("ses-email-bounced"));

        fixture.deliver(event("OrderPlaced"));

        assertThat(fixture.outbox.emails).isEmpty();
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(Decision.Outcome.SUPPRESSED);
            assertThat(line.reason()).isEqualTo("bounced");
        });
    }

    @Test
    void aStopReplySuppressesTheNumberButNotTheEmail() {
        SNSEvent reply = EventLoader.loadSNSEvent("events/sns-inbound-stop.json");
        new InboundSmsHandler(fixture.notifications.suppressions()).handleRequest(reply, null);

        fixture.deliver(event("OrderPlaced"));
        fixture.deliver(event("FulfilmentReadyForPickup"));

        assertThat(fixture.outbox.sms).isEmpty();
        assertThat(fixture.outbox.emails).hasSize(2);
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items())
                .anySatisfy(line -> assertThat(line.reason()).isEqualTo("sms-stop"));
    }
}
