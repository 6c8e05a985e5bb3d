package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.order.OrderLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GDPR requests: an export of everything held, an erasure that waits for what is open, then really erases. */
class PrivacyRequestsTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final As AGENT = As.agent("agent-7");
    private static final Instant NOW = CustomersFixture.NOW;

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aCustomerWithAHistory() {
        f.getMe(CAMILLE);
        assertThat(f.patchMe(CAMILLE, Map.of("name", "Camille Martin", "email", "camille@example.fr",
                "phone", "+33612345678")).status()).isEqualTo(200);
        assertThat(f.stateConsent(CAMILLE, "web", Map.of("purpose", "marketing", "channel", "email", "granted", true,
                "wordingVersion", "m-1")).status()).isEqualTo(200);
        assertThat(f.stateConsent(CAMILLE, "web", Map.of("purpose", "marketing", "channel", "email", "granted", false,
                "wordingVersion", "m-1")).status()).isEqualTo(200);
        f.deliver("omnis.orders", "OrderPlaced", NOW.minus(Duration.ofDays(200)), Map.of("orderId", "ord-1",
                "number", "OM-AAAA1111", "customerId", "customer-42", "channel", "web"));
        f.http.send(Http.request("POST", "/customers/{customerId}/interactions", "/customers/customer-42/interactions")
                .path("customerId", "customer-42").as(AGENT).json(Map.of("channel", "phone", "reason", "Size advice",
                        "summary", "Camille asked about sizes", "outcome", "resolved")));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anExportHoldsEverythingKeptAboutTheCustomerAcrossContexts() {
        f.order("ord-1", "OM-AAAA1111", "completed", NOW.minus(Duration.ofDays(190)), List.of());

        Http.Response asked = ask(CAMILLE, "export");

        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.body().get("state").asText()).isEqualTo("ready");
        JsonNode answer = state(CAMILLE, asked.body().get("requestId").asText());
        assertThat(answer.get("request").get("documentChunks").asInt()).isEqualTo(1);
        JsonNode document = answer.get("document");
        assertThat(document.get("format").asText()).isEqualTo("omnis-personal-data-export/1");
        assertThat(document.get("profile").get(0).get("email").asText()).isEqualTo("camille@example.fr");
        assertThat(document.get("consentLedger")).hasSize(2);
        assertThat(document.get("timeline").get(0).get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(document.get("interactions").get(0).get("summary").asText()).isEqualTo("Camille asked about sizes");
        assertThat(document.get("orders").get(0).get("contact").get("email").asText()).isEqualTo("camille@example.fr");
    }

    @Test
    void anErasureWaitsWhileAnOrderIsOpenAndSaysWhy() {
        f.order("ord-2", "OM-BBBB2222", "placed", NOW.minus(Duration.ofDays(1)), List.of());
        int before = f.customerItems().size();

        Http.Response asked = ask(CAMILLE, "erasure");

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body().get("state").asText()).isEqualTo("waiting");
        assertThat(asked.body().get("waitingFor").findValuesAsText("reason"))
                .containsExactlyInAnyOrder("order-open", "payment-dispute-window");
        assertThat(asked.body().get("waitingFor").get(0).get("orderNumber").asText()).isEqualTo("OM-BBBB2222");
        assertThat(f.outboxEvents()).extracting(DomainEvent::type).doesNotContain("ErasureApproved");
        assertThat(f.customerItems()).hasSize(before + 1);   // the request only
        // asking again is the same request
        assertThat(ask(CAMILLE, "erasure").body().get("requestId")).isEqualTo(asked.body().get("requestId"));
    }

    @Test
    void anErasureWaitsWhileAClaimIsOpenOnACompletedOrder() {
        f.order("ord-5", "OM-EEEE5555", "completed", NOW.minus(Duration.ofDays(200)), List.of(),
                List.of(Map.of("claimId", "clm-1", "status", "open")));

        Http.Response asked = ask(CAMILLE, "erasure");

        assertThat(asked.body().get("state").asText()).isEqualTo("waiting");
        assertThat(asked.body().get("waitingFor").findValuesAsText("reason")).containsExactly("claim-open");
        assertThat(asked.body().has("waitUntil")).as("no known end").isFalse();
    }

    @Test
    void theDailyScheduleLetsAWaitingErasureGoAheadOnceItsWaitIsOverAndNotBefore() {
        // given: an erasure waiting for the dispute window of a completed order paid 100 days ago
        f.order("ord-3", "OM-CCCC3333", "completed", NOW.minus(Duration.ofDays(100)), List.of());
        JsonNode asked = ask(CAMILLE, "erasure").body();
        Instant waitUntil = Instant.parse(asked.get("waitUntil").asText());
        assertThat(waitUntil).isEqualTo(NOW.plus(Duration.ofDays(20)));
        CustomersScheduleHandler schedule = new CustomersScheduleHandler(f.customers.privacy());

        // when: the schedule runs the day before, then the day after the window closes
        f.clock.set(waitUntil.minus(Duration.ofDays(1)));
        var early = schedule.handleRequest(Map.of(), null);
        List<String> typesBefore = f.outboxEvents().stream().map(DomainEvent::type).toList();
        f.clock.set(waitUntil.plus(Duration.ofHours(1)));
        var onTime = schedule.handleRequest(Map.of(), null);
        var again = schedule.handleRequest(Map.of(), null);

        // then: nothing before, the erasure approved once after, and nothing left to look at
        assertThat(early.lookedAt()).isZero();
        assertThat(typesBefore).doesNotContain("ErasureApproved");
        assertThat(onTime.lookedAt()).isEqualTo(1);
        assertThat(onTime.approved()).isEqualTo(1);
        assertThat(f.outboxEvents()).extracting(DomainEvent::type).containsOnlyOnce("ErasureApproved");
        assertThat(state(CAMILLE, asked.get("requestId").asText()).get("request").get("state").asText()).isEqualTo("erasing");
        assertThat(again.lookedAt()).isZero();
    }

    @Test
    void aWaitingErasureWhoseEndIsUnknownIsLookedAtAgainEveryDay() {
        f.order("ord-4", "OM-DDDD4444", "placed", NOW.minus(Duration.ofDays(1)), List.of());
        ask(CAMILLE, "erasure");
        CustomersScheduleHandler schedule = new CustomersScheduleHandler(f.customers.privacy());

        f.clock.set(NOW.plus(Duration.ofHours(23)));
        var sooner = schedule.handleRequest(Map.of(), null);
        f.clock.set(NOW.plus(Duration.ofHours(25)));
        var dayOn = schedule.handleRequest(Map.of(), null);
        var sameDay = schedule.handleRequest(Map.of(), null);

        assertThat(sooner.lookedAt()).isZero();
        assertThat(dayOn.lookedAt()).isEqualTo(1);
        assertThat(dayOn.approved()).isZero();   // the order is still open
        assertThat(sameDay.lookedAt()).isZero();  // looked at again in a day, not at every run
        assertThat(f.outboxEvents()).extracting(DomainEvent::type).doesNotContain("ErasureApproved");
    }

    @Test
    void anErasureWithNothingOpenErasesTheRecordKeepsTheOptOutHashedAndCompletesWhenEveryPartAnswered() throws Exception {
        f.order("ord-1", "OM-AAAA1111", "completed", NOW.minus(Duration.ofDays(190)), List.of());

        // when
        Http.Response asked = ask(CAMILLE, "erasure");

        // then it goes ahead: ErasureApproved carries only ids and the withdrawn email, hashed
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body().get("state").asText()).isEqualTo("erasing");
        String requestId = asked.body().get("requestId").asText();
        DomainEvent approved = f.outboxEvents().stream().filter(e -> e.type().equals("ErasureApproved")).findFirst()
                .orElseThrow();
        assertThat(approved.data().get("optOuts").get(0).get("contactHash").asText())
                .isEqualTo(sha256("camille@example.fr"));
        assertThat(approved.data().toString()).doesNotContain("camille@example.fr").doesNotContain("+33612345678");

        // and delivered (twice: a redelivery is harmless), the customer's record is gone but the request
        assertThat(f.deliver(approved)).startsWith("erasure erasing");
        assertThat(f.deliver(approved)).startsWith("erasure erasing");
        assertThat(f.itemsOf("customer-42")).allMatch(i -> i.startsWith("PRIVACY#") || i.equals("ERASED"));
        String everything = f.customerItems().toString();
        assertThat(everything).doesNotContain("camille@example.fr").doesNotContain("+33612345678")
                .doesNotContain("Camille").doesNotContain("Size advice");
        // a late event is not projected
        assertThat(f.deliver("omnis.orders", "OrderCompleted", NOW, Map.of("orderId", "ord-1", "number", "OM-AAAA1111",
                "customerId", "customer-42"))).isEqualTo("erased");

        // every other context answers: the request is completed, and says what was done
        for (String part : List.of("orders", "carts", "notifications")) {
            f.deliver("omnis." + part, "ErasurePartCompleted", NOW, Map.of("customerId", "customer-42",
                    "requestId", requestId, "part", part, "completedAt", NOW.toString(), "counts", Map.of("items", 1)));
        }
        JsonNode done = state(CAMILLE, requestId).get("request");
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("partsDone")).hasSize(4);
        assertThat(done.get("requestedBy").get("kind").asText()).isEqualTo("customer");
        assertThat(done.get("completedAt").asText()).isNotBlank();
    }

    @Test
    void anAgentAsksForTheCustomerAndNobodyElseMay() {
        Http.Response byAgent = f.http.send(Http.request("POST", "/customers/{customerId}/privacy-requests",
                "/customers/customer-42/privacy-requests").path("customerId", "customer-42").as(AGENT)
                .json(Map.of("type", "export")));
        assertThat(byAgent.status()).isEqualTo(201);
        assertThat(byAgent.body().get("requestedBy").get("kind").asText()).isEqualTo("agent");

        assertThat(ask(As.ANONYMOUS, "export").status()).isEqualTo(401);
        for (As refused : List.of(AGENT, As.staff("store-lyon"), As.ops())) {
            assertThat(ask(refused, "export").status()).as(refused.toString()).isEqualTo(403);
        }
        for (As refused : List.of(CAMILLE, As.staff("store-lyon"), As.ops())) {
            assertThat(f.http.send(Http.request("POST", "/customers/{customerId}/privacy-requests",
                    "/customers/customer-42/privacy-requests").path("customerId", "customer-42").as(refused)
                    .json(Map.of("type", "erasure"))).status()).as(refused.toString()).isEqualTo(403);
        }
        // another customer does not reach Camille's request: it is not in their record
        Http.Response other = f.http.send(Http.request("GET", "/me/privacy-requests/{requestId}",
                "/me/privacy-requests/x").path("requestId", byAgent.body().get("requestId").asText())
                .as(As.customer("customer-77")));
        assertThat(other.status()).isEqualTo(404);
        Http.Response badType = ask(CAMILLE, "forget-me");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.contentType()).isEqualTo("application/problem+json");
    }

    private Http.Response ask(As as, String type) {
        return f.http.send(Http.request("POST", "/me/privacy-requests", "/me/privacy-requests").as(as)
                .json(Map.of("type", type)));
    }

    private JsonNode state(As as, String requestId) {
        Http.Response response = f.http.send(Http.request("GET", "/me/privacy-requests/{requestId}",
                "/me/privacy-requests/" + requestId).path("requestId", requestId).as(as));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
