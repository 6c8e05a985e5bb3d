package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.testing.NotificationsFixture;
import com.omnis.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The orders' own samples (events/bus/*.json, the contract) each give the message they ask for, once.
 * Each sample's order is first made known with an OrderPlaced for customer-1 (French). Until the orders
 * function is merged its samples are not in events/bus and these tests are skipped, saying so.
 */
class OrderSampleEventsTest {

    /** Sample → the subject (French) of the email it must give, and whether a text message goes with it. */
    private static final Map<String, String> EXPECTED = Map.of(
            "FulfilmentReadyForPickup", "vous attend en magasin",
            "PickupReminderDue", "Rappel : votre commande",
            "FulfilmentShipped", "est en route",
            "FulfilmentDelivered", "Avez-vous bien reçu",
            "FulfilmentCollected", "Avez-vous bien reçu",
            "ReturnReceived", "Nous avons reçu votre retour",
            "PickupExpired", "n'a pas été retirée");

    @TestFactory
    List<DynamicTest> eachOrderSampleGivesItsMessageInFrench() {
        // OMNIS_SAMPLES_DIR points at another checkout's samples (to try a producer's branch before it is merged)
        Path bus = Path.of(java.util.Optional.ofNullable(System.getenv("OMNIS_SAMPLES_DIR")).orElse(
                Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "bus").toString()));
        List<DynamicTest> tests = new ArrayList<>();
        EXPECTED.forEach((type, subject) -> tests.add(DynamicTest.dynamicTest(type, () -> {
            Path file = bus.resolve(type + ".json");
            assertThat(file).as("the orders' sample of %s", type).exists();
            JsonNode sample = Json.MAPPER.readTree(Files.readString(file));
            assertThat(sample.path("source").asText()).isEqualTo("omnis.orders");
            String orderId = sample.path("detail").path("data").path("orderId").asText();
            try (NotificationsFixture fixture = new NotificationsFixture()) {
                fixture.customers.add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr",
                        "Europe/Paris");
                fixture.clock.set(java.time.Instant.parse(sample.path("detail").path("occurredAt").asText())
                        .atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().atTime(12, 0)
                        .atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
                fixture.deliver(event("OrderPlaced", data -> data.put("orderId", orderId).put("customerId", "customer-1")));
                fixture.outbox.emails.clear();

                ScheduledEvent delivered = NotificationsFixture.scheduledEvent(sample);
                fixture.deliver(delivered);
                fixture.deliver(delivered);

                assertThat(fixture.outbox.emails).singleElement()
                        .satisfies(email -> assertThat(email.subject()).contains(subject));
                boolean texted = type.equals("FulfilmentReadyForPickup") || type.equals("PickupReminderDue");
                assertThat(fixture.outbox.sms).hasSize(texted ? 1 : 0);
            }
        })));
        return tests;
    }
}
