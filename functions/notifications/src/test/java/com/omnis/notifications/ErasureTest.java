package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.TEE;
import static com.omnis.notifications.testing.NotificationsFixture.busEvent;
import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.testing.NotificationsFixture;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.privacy.ContactHash;
import com.omnis.shared.privacy.Erasure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notifications part of a customer's erasure ({@code ErasureApproved}, as customers writes it for
 * customer-1 of these tests: test resources' events/ErasureApproved.json, the real hashes of her contacts): what was
 * held for the customer goes, another customer's stays, the withdrawn contacts keep refusing marketing as
 * hashes, and one {@code ErasurePartCompleted} per delivery answers with what went.
 */
class ErasureTest {

    private static final String ORDER_1 = "ord-3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a57";
    private static final String ORDER_2 = "ord-2222";
    private static final String CAMILLE_EMAIL = "camille.martin@example.fr";

    private NotificationsFixture fixture;

    @BeforeEach
    void twoCustomersWithMessages() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", CAMILLE_EMAIL, "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-2", "Lucía García", "lucia.garcia@example.es", "+34612345678", "es-ES", "Atlantic/Canary")
                .consent("customer-1", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true)
                .saves("customer-1", TEE);
        fixture.stock(TEE, 2);
        // customer-1: an order confirmation (claim, log line, order summary), a back-in-stock alert (claim, log
        // line, the day's marketing cap) and a running-low alert deferred by the cap (claim, deferred item, log line)
        fixture.deliver(event("OrderPlaced"));
        fixture.deliver(busEvent("BackInStock", detail -> { }));
        fixture.deliver(busEvent("LowStock", detail -> { }));
        // customer-2: an order of their own
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", ORDER_2).put("number", "OM-22222222")
                .put("customerId", "customer-2")));
        assertThat(fixture.outbox.emails).hasSize(3);
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).hasSize(3)
                .anySatisfy(line -> assertThat(line.outcome()).isEqualTo(Decision.Outcome.DEFERRED));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void erasureDeletesEverythingHeldForTheCustomerAndLeavesAnotherCustomersAlone() {
        // given
        int customer2Items = itemsOf("customer-2").size();
        assertThat(customer2Items).isEqualTo(3); // claim, log line, order summary

        // when
        NotificationsHandler.Report report = fixture.deliver(erasureApproved());

        // then
        assertThat(report.eventType()).isEqualTo(Erasure.APPROVED);
        assertThat(itemsOf("customer-1")).isEmpty();
        assertThat(fixture.store.log("customer-1", 10, Optional.empty()).items()).isEmpty();
        assertThat(fixture.store.find(ORDER_1)).isEmpty();
        assertThat(fixture.notifications.notifier().deliverDue(10)).isZero();
        assertThat(itemsOf("customer-2")).hasSize(customer2Items);
        assertThat(fixture.store.log("customer-2", 10, Optional.empty()).items()).singleElement()
                .satisfies(line -> assertThat(line.kind()).isEqualTo(MessageKind.ORDER_CONFIRMATION));
        assertThat(fixture.store.find(ORDER_2)).isPresent();
        // only hashes remain of the erased contacts
        assertThat(scan()).noneSatisfy(item -> assertThat(item.toString()).contains(CAMILLE_EMAIL));
    }

    @Test
    void eachDeliveryAnswersOnceAndARedeliveryDeletesNothingAndKeepsTheSameOptOuts() {
        // when
        fixture.deliver(erasureApproved());
        List<Map<String, AttributeValue>> optOutsAfterFirst = optOuts();
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.deliver(erasureApproved());

        // then
        List<DomainEvent> answers = answers();
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.type()).isEqualTo(Erasure.PART_COMPLETED);
            assertThat(answer.source()).isEqualTo("omnis.notifications");
            assertThat(answer.correlationId()).isEqualTo("Rq7vN2xLpQ9sT4A=");
            assertThat(answer.subject()).isEqualTo("customer/customer-1/privacy/prv-8c2d4e6f/notifications");
        });
        Erasure.PartCompleted first = answers.get(0).dataAs(Erasure.PartCompleted.class);
        Erasure.PartCompleted second = answers.get(1).dataAs(Erasure.PartCompleted.class);
        assertThat(first.part()).isEqualTo("notifications");
        assertThat(first.requestId()).isEqualTo("prv-8c2d4e6f");
        assertThat(first.customerId().value()).isEqualTo("customer-1");
        // 3 log lines; 3 claims + 1 deferred item + 1 order summary + 1 marketing cap
        assertThat(first.counts()).isEqualTo(Map.of("messages", 3, "records", 6, "suppressions", 2));
        assertThat(second.counts()).isEqualTo(Map.of("messages", 0, "records", 0, "suppressions", 2));
        assertThat(optOuts()).hasSize(2).containsExactlyInAnyOrderElementsOf(optOutsAfterFirst);
        assertThat(itemsOf("customer-2")).hasSize(3);
    }

    @Test
    void theWithdrawnEmailStillRefusesMarketingAfterTheErasureButNotTransactionalMessages() {
        // given
        fixture.deliver(erasureApproved());
        fixture.outbox.emails.clear();
        fixture.clock.advance(Duration.ofDays(1));
        // the same person signs up again (another spelling of the address) and consents; someone else too
        fixture.customers
                .add("customer-3", "Camille Martin", "  Camille.Martin@Example.FR ", null, "fr-FR", "Europe/Paris")
                .consent("customer-3", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true).saves("customer-3", TEE)
                .add("customer-4", "Jonas Weber", "jonas.weber@example.de", null, "en", "Europe/Berlin")
                .consent("customer-4", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true).saves("customer-4", TEE);

        // when
        fixture.deliver(busEvent("BackInStock", detail -> detail.put("id", "back-in-stock-after-erasure")));
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-3333").put("number", "OM-33333333")
                .put("customerId", "customer-3")));
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-4444").put("number", "OM-44444444")
                .put("customerId", "customer-4")));

        // then
        assertThat(fixture.store.log("customer-3", 10, Optional.empty()).items())
                .filteredOn(line -> line.kind() == MessageKind.BACK_IN_STOCK).singleElement().satisfies(line -> {
                    assertThat(line.outcome()).isEqualTo(Decision.Outcome.SUPPRESSED);
                    assertThat(line.reason()).isEqualTo("marketing-withdrawn");
                });
        assertThat(fixture.outbox.emails).extracting(email -> email.to().trim().toLowerCase() + " " + email.subject())
                .containsExactlyInAnyOrder(
                        "camille.martin@example.fr Votre commande OM-33333333 est confirmée",
                        "jonas.weber@example.de T-shirt <Bleu> & Co is back in stock",
                        "jonas.weber@example.de Your order OM-44444444 is confirmed");
    }

    @Test
    void claimsWrittenBeforeTheyCarriedTheirCustomerAreFoundFromTheLogLinesThatNameThem() {
        // given: customer-1's claims and deferred item as an earlier deploy wrote them (not in byCustomer)
        String table = fixture.environment.get("MESSAGES_TABLE");
        List<Map<String, AttributeValue>> claims = scan().stream()
                .filter(item -> item.get("pk").s().startsWith("CLAIM#") && item.get("pk").s().endsWith("#customer-1")).toList();
        assertThat(claims).hasSize(4);
        claims.forEach(item -> fixture.dynamo().updateItem(r -> r.tableName(table)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).updateExpression("REMOVE customerId")));

        // when
        fixture.deliver(erasureApproved());

        // then
        assertThat(scan()).noneSatisfy(item -> assertThat(item.get("pk").s()).startsWith("CLAIM#").endsWith("#customer-1"));
        assertThat(answers()).singleElement().satisfies(answer -> assertThat(answer.dataAs(Erasure.PartCompleted.class)
                .counts()).containsEntry("records", 6));
    }

    @Test
    void theWithdrawnNumberIsRecognisedWhateverItsSpelling() {
        // when
        fixture.deliver(erasureApproved());

        // then
        assertThat(fixture.store.optOut("+33 6 12 34 56 78")).contains("marketing-withdrawn");
        assertThat(fixture.store.optOut(" CAMILLE.martin@example.fr")).contains("marketing-withdrawn");
        assertThat(fixture.store.optOut("lucia.garcia@example.es")).isEmpty();
        // an opt-out refuses marketing only: it is no suppression of every message
        assertThat(fixture.store.suppression(CAMILLE_EMAIL)).isEmpty();
    }

    private static com.amazonaws.services.lambda.runtime.events.ScheduledEvent erasureApproved() {
        return event("ErasureApproved");
    }

    private List<Map<String, AttributeValue>> scan() {
        return fixture.dynamo().scanPaginator(r -> r.tableName(fixture.environment.get("MESSAGES_TABLE"))).items().stream().toList();
    }

    /** The items of the messages table that belong to {@code customerId}: by key or by their customerId attribute. */
    private List<Map<String, AttributeValue>> itemsOf(String customerId) {
        return scan().stream().filter(item -> item.get("pk").s().equals("CUSTOMER#" + customerId)
                || item.get("pk").s().equals("CAP#" + customerId)
                || item.get("pk").s().endsWith("#" + customerId)
                || (item.containsKey("customerId") && item.get("customerId").s().equals(customerId))
                || (item.containsKey("summary") && item.get("summary").s().contains("\"" + customerId + "\""))).toList();
    }

    private List<Map<String, AttributeValue>> optOuts() {
        return scan().stream().filter(item -> item.get("sk").s().equals("OPTOUT")).toList();
    }

    private List<DomainEvent> answers() {
        return fixture.dynamo().scanPaginator(r -> r.tableName(fixture.environment.get("OUTBOX_TABLE"))).items().stream()
                .sorted(java.util.Comparator.comparing(item -> Long.parseLong(item.get(OutboxRecord.CREATED_MILLIS).n())))
                .flatMap(item -> OutboxRecord.eventsOf(item).stream())
                .toList();
    }

    @Test
    void theSampleCarriesTheHashesOfTheWithdrawnContacts() {
        // the fixture is what customers sends for customer-1 (its hashes are ContactHash's, not made up)
        DomainEvent sample = DomainEvent.fromDetail(com.omnis.shared.json.Json.MAPPER.valueToTree(erasureApproved().getDetail()));
        assertThat(sample.dataAs(Erasure.Approved.class).optOuts()).extracting(Erasure.OptOut::contactHash)
                .containsExactly(ContactHash.of(CAMILLE_EMAIL), ContactHash.of("+33612345678"));
    }
}
