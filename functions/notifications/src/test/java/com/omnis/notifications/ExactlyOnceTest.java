package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.notifications.domain.ClaimKey;
import com.omnis.notifications.domain.ClaimState;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.service.Notifier;
import com.omnis.notifications.testing.NotificationsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One event never gives two messages of one kind to one person: redelivered, delivered concurrently, or after a crash. */
class ExactlyOnceTest {

    private static final String CONFIRMATION_EVENT = "0b6e1f52-4c3d-4f8e-9a7b-000000000001";

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
    void aRedeliveredEventSendsNothingMore() {
        fixture.deliver(event("OrderPlaced"));
        fixture.deliver(event("OrderPlaced"));
        fixture.deliver(event("FulfilmentReadyForPickup"));
        fixture.deliver(event("FulfilmentReadyForPickup"));

        assertThat(fixture.outbox.emails).hasSize(2);
        assertThat(fixture.outbox.sms).hasSize(1);
    }

    @Test
    void eightConcurrentDeliveriesOfOneEventSendOneEmail() throws Exception {
        ScheduledEvent placed = event("OrderPlaced");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                try {
                    return fixture.deliver(placed);
                } catch (Notifier.MessageInFlightException e) {
                    return null; // the platform would deliver it again later, and find it sent
                }
            }));
        }
        start.countDown();
        for (Future<?> delivery : deliveries) {
            delivery.get();
        }
        pool.shutdown();

        assertThat(fixture.outbox.emails).hasSize(1);
        assertThat(fixture.store.claim(claim()).map(c -> c.state())).contains(ClaimState.SENT);
    }

    @Test
    void aDeliveryWhileAnotherIsSendingIsRetriedLaterAndThenSendsNothing() {
        fixture.store.startSending(claim(), false, fixture.clock.instant());

        assertThatThrownBy(() -> fixture.deliver(event("OrderPlaced"))).isInstanceOf(Notifier.MessageInFlightException.class);
        assertThat(fixture.outbox.emails).isEmpty();
    }

    @Test
    void aCrashBetweenSendingAndRecordingNeverSendsTheMessageAgain() {
        // the first delivery claimed and sent, then died before recording: its claim is left SENDING
        fixture.store.startSending(claim(), false, fixture.clock.instant());
        fixture.clock.advance(Notifier.SENDING_LEASE.plus(Duration.ofSeconds(1)));

        fixture.deliver(event("OrderPlaced"));

        assertThat(fixture.outbox.emails).isEmpty();
        assertThat(fixture.store.claim(claim()).map(c -> c.state())).contains(ClaimState.UNCERTAIN);
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).singleElement()
                .satisfies(line -> assertThat(line.reason()).isEqualTo("send-unconfirmed"));
    }

    @Test
    void aFailedSendGivesTheClaimBackSoThePlatformsRetrySends() {
        fixture.outbox.failNext(1);

        assertThatThrownBy(() -> fixture.deliver(event("OrderPlaced"))).isInstanceOf(IllegalStateException.class);
        assertThat(fixture.store.claim(claim())).isEmpty();

        fixture.deliver(event("OrderPlaced"));
        assertThat(fixture.outbox.emails).hasSize(1);
        assertThat(fixture.store.claim(claim()).map(c -> c.state())).contains(ClaimState.SENT);
    }

    private static ClaimKey claim() {
        return new ClaimKey(CONFIRMATION_EVENT, MessageKind.ORDER_CONFIRMATION, MessageChannel.EMAIL, "customer-1");
    }
}
