package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.TEE;
import static com.omnis.notifications.testing.NotificationsFixture.busEvent;
import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.testing.NotificationsFixture;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.message.DynamoMessageHistory;
import com.omnis.shared.message.MessageHistory;
import com.omnis.shared.message.MessageHistory.MessageSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What notifications writes in its log, the customers context reads through {@code shared.message.MessageHistory}. */
class MessageHistoryTest {

    private static final CustomerId CAMILLE = CustomerId.of("customer-1");

    private NotificationsFixture fixture;
    private MessageHistory history;

    @BeforeEach
    void camilleGotThreeMessages() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-2", "Lucía García", "lucia.garcia@example.es", "+34612345678", "es-ES", "Atlantic/Canary")
                .consent("customer-1", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true)
                .saves("customer-1", TEE);
        fixture.stock(TEE, 2);
        fixture.deliver(event("OrderPlaced"));
        fixture.clock.set(Instant.parse("2027-01-18T11:00:00Z"));
        fixture.deliver(busEvent("BackInStock", detail -> { }));
        fixture.clock.set(Instant.parse("2027-01-18T12:00:00Z"));
        fixture.deliver(busEvent("LowStock", detail -> { }));   // deferred: one alert a day
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-2222").put("customerId", "customer-2")));
        history = new DynamoMessageHistory(fixture.dynamo(), fixture.environment.get("MESSAGES_TABLE"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void recentListsTheCustomersMessagesNewestFirstWithWhatTheyAreAbout() {
        // when
        List<MessageSummary> recent = history.recent(CAMILLE, 10);

        // then
        assertThat(recent).extracting(MessageSummary::kind, MessageSummary::purpose, MessageSummary::channel,
                        MessageSummary::status, MessageSummary::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("running-low", "saved-item-alerts", "email", "deferred", "frequency-cap"),
                        org.assertj.core.groups.Tuple.tuple("back-in-stock", "saved-item-alerts", "email", "sent", "consented"),
                        org.assertj.core.groups.Tuple.tuple("order-confirmation", "transactional", "email", "sent", "transactional"));
        assertThat(recent.get(2).reference()).isEqualTo("order/ord-3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a57");
        assertThat(recent.get(2).at()).isEqualTo(Instant.parse("2027-01-18T10:00:00Z"));
        assertThat(recent.get(2).eventType()).isEqualTo("OrderPlaced");
        assertThat(recent.get(0).reference()).isEqualTo("sku/" + TEE.value());
        assertThat(recent).extracting(MessageSummary::messageId).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{12}"));
        assertThat(history.recent(CAMILLE, 2)).extracting(MessageSummary::kind).containsExactly("running-low", "back-in-stock");
        assertThat(history.recent(CustomerId.of("customer-9"), 10)).isEmpty();
    }

    @Test
    void aMessageDeferredThenSentIsOneMessageInItsLatestStateAndTwoLinesInTheExport() {
        // given
        String deferredId = history.recent(CAMILLE, 1).get(0).messageId();
        fixture.clock.set(Instant.parse("2027-01-19T07:05:00Z"));
        new NotificationsScheduleHandler(fixture.notifications).handleRequest(Map.of("job", "deferred"), null);

        // when
        List<MessageSummary> recent = history.recent(CAMILLE, 10);
        List<JsonNode> all = history.all(CAMILLE);

        // then
        assertThat(recent).hasSize(3).first().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(deferredId);
            assertThat(message.status()).isEqualTo("sent");
            assertThat(message.at()).isEqualTo(Instant.parse("2027-01-19T07:05:00Z"));
        });
        assertThat(all).hasSize(4).allSatisfy(line -> {
            assertThat(line.path("pk").asText()).isEqualTo("CUSTOMER#customer-1");
            assertThat(line.path("kind").asText()).isNotBlank();
        });
        assertThat(all).filteredOn(line -> line.path("kind").asText().equals("order-confirmation")).singleElement()
                .satisfies(line -> assertThat(line.path("subject").asText()).isEqualTo("Votre commande OM-7K3QX9ZB est confirmée"));
        assertThat(history.all(CustomerId.of("customer-2"))).hasSize(1);
    }
}
