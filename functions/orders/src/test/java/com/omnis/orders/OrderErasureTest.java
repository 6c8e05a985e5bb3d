package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.Erasure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orders' part of an erasure: the customer's orders keep what tax law needs and lose the person, the
 * customer's listing is empty, another customer's order is untouched, and the part is answered on every
 * delivery (a redelivery anonymises nothing more).
 */
class OrderErasureTest {

    private static final String EMAIL = "camille.erasure@example.fr";
    private static final String PHONE = "+33612345678";
    private static final String NAME = "Camille Effacée";

    private OrdersFixture fixture;
    private OrdersPrivacyHandler handler;

    @BeforeEach
    void setUp() {
        fixture = new OrdersFixture();
        handler = new OrdersPrivacyHandler(fixture.orders.erasure());
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 20);
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 20);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theCustomersOrdersKeepTheTaxRecordAndLoseThePerson() {
        // given two orders of the customer (a delivery with contact and recipient, a pickup) and one of another
        String delivered = place("erase-me", delivery("erase-me"));
        String collected = place("erase-me", OrdersFixture.pickup(fixture.cart("erase-me", Map.of(OrdersFixture.TEE, 1)),
                OrdersFixture.LYON));
        String other = place("keep-me", delivery("keep-me"));
        JsonNode before = fixture.get(Http.As.customer("erase-me"), delivered).body();

        // when the erasure is approved
        OrdersPrivacyHandler.Report report = deliver(approved("erase-me", "prq-1"));

        // then no order item names the person any more
        assertThat(report.counts()).containsEntry("ordersAnonymised", 2);
        List<String> items = orderItemsAsText();
        assertThat(items).noneMatch(text -> text.contains(EMAIL) || text.contains(PHONE) || text.contains(NAME)
                || text.contains("erase-me") || text.contains("1 rue de Rivoli"));
        // and they keep what tax law needs: number, date, lines, totals, payment, where VAT was due
        JsonNode after = orderDoc(delivered);
        assertThat(after.path("number").asText()).isEqualTo(before.path("number").asText());
        assertThat(after.path("placedAt").asText()).isEqualTo(before.path("placedAt").asText());
        assertThat(after.path("lines")).isEqualTo(before.path("lines"));
        assertThat(after.path("totals")).isEqualTo(before.path("totals"));
        assertThat(after.path("payment").path("reference").asText()).isEqualTo(before.path("payment").path("reference").asText());
        assertThat(after.path("fulfilments").get(0).path("address").path("country").asText()).isEqualTo("FR");
        assertThat(after.path("fulfilments").get(0).path("address").path("postalCode").asText()).isEqualTo("75001");
        assertThat(after.path("customerId").isNull() || after.path("customerId").isMissingNode()).isTrue();
        assertThat(orderDoc(collected).path("placedBy").path("subject").asText()).isEqualTo("erased");
        // the customer's listing is empty; the other customer's order is as it was
        assertThat(fixture.http.send(Http.request("GET", "/me/orders", "/me/orders").as(Http.As.customer("erase-me")))
                .body().path("items")).isEmpty();
        assertThat(fixture.get(Http.As.customer("keep-me"), other).body().path("contact").path("email").asText())
                .isEqualTo("keep-me@example.fr");
        // and the part is answered once, with its counts
        List<DomainEvent> answers = fixture.outboxEvents(Erasure.PART_COMPLETED);
        assertThat(answers).hasSize(1);
        Erasure.PartCompleted done = answers.getFirst().dataAs(Erasure.PartCompleted.class);
        assertThat(done.part()).isEqualTo("orders");
        assertThat(done.requestId()).isEqualTo("prq-1");
        assertThat(done.customerId()).isEqualTo(CustomerId.of("erase-me"));
        assertThat(answers.getFirst().source()).isEqualTo("omnis.orders");
    }

    @Test
    void aRedeliveryAnonymisesNothingMoreAndAnswersAgain() {
        String orderId = place("erase-me", delivery("erase-me"));
        DomainEvent event = approved("erase-me", "prq-2");
        deliver(event);
        JsonNode once = orderDoc(orderId);

        OrdersPrivacyHandler.Report again = deliver(event);

        assertThat(again.counts()).containsEntry("ordersAnonymised", 0);
        assertThat(orderDoc(orderId)).isEqualTo(once);
        assertThat(fixture.outboxEvents(Erasure.PART_COMPLETED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.dataAs(Erasure.PartCompleted.class).requestId()).isEqualTo("prq-2"));
    }

    @Test
    void aCustomerWithoutOrdersIsAnsweredAtOnceAndAnotherEventTypeIsIgnored() {
        assertThat(deliver(approved("never-ordered", "prq-3")).counts()).containsEntry("ordersAnonymised", 0);
        assertThat(fixture.outboxEvents(Erasure.PART_COMPLETED)).hasSize(1);

        DomainEvent other = new DomainEvent(UUID.randomUUID().toString(), "ConsentChanged", "omnis.customers",
                fixture.clock.instant(), "customer/x", Json.MAPPER.valueToTree(Map.of("customerId", "x")), "corr");
        assertThat(deliver(other).counts()).isEmpty();
        assertThat(fixture.outboxEvents(Erasure.PART_COMPLETED)).hasSize(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Map<String, Object> delivery(String customer) {
        Map<String, Object> body = new HashMap<>(OrdersFixture.delivery(fixture.cart(customer, Map.of(OrdersFixture.TEE, 2)),
                "pay-" + UUID.randomUUID()));
        boolean erased = customer.equals("erase-me");
        body.put("fulfilment", Map.of("method", "delivery", "address", Map.of("name", erased ? NAME : "Alex Gardé",
                "line1", erased ? "1 rue de Rivoli" : "9 quai Voltaire", "postalCode", "75001", "city", "Paris",
                "country", "FR")));
        body.put("contact", Map.of("email", erased ? EMAIL : customer + "@example.fr",
                "phone", erased ? PHONE : "+33699999999"));
        return body;
    }

    private String place(String customer, Map<String, Object> body) {
        Http.Response placed = fixture.checkout(Http.As.customer(customer), "key-" + UUID.randomUUID(), body);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    private DomainEvent approved(String customer, String requestId) {
        return new DomainEvent(UUID.randomUUID().toString(), Erasure.APPROVED, "omnis.customers", fixture.clock.instant(),
                "customer/" + customer + "/privacy/" + requestId, Json.MAPPER.valueToTree(new Erasure.Approved(
                CustomerId.of(customer), requestId, fixture.clock.instant(), List.of())), "corr-erasure");
    }

    private OrdersPrivacyHandler.Report deliver(DomainEvent event) {
        ScheduledEvent bus = new ScheduledEvent();
        bus.setSource(event.source());
        bus.setDetailType(event.type());
        bus.setId(UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = Json.MAPPER.convertValue(event, Map.class);
        bus.setDetail(detail);
        return handler.handleRequest(bus, null);
    }

    private List<String> orderItemsAsText() {
        List<String> items = new ArrayList<>();
        fixture.dynamo.scanPaginator(b -> b.tableName(fixture.env.get("ORDERS_TABLE")).consistentRead(true)).items()
                .forEach(item -> items.add(item.toString()));
        return items;
    }

    private JsonNode orderDoc(String orderId) {
        var item = fixture.dynamo.getItem(b -> b.tableName(fixture.env.get("ORDERS_TABLE")).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("order#" + orderId),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("order")))).item();
        return Json.read(item.get("doc").s(), JsonNode.class);
    }
}
