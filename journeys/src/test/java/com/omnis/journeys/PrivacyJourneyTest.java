package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.template.TableSpec;
import com.omnis.shared.identity.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GDPR end to end through the local runtime, with no event published by hand: Camille (customer-1 of the
 * demo data) shops, collects an order, returns part of it, is messaged, calls the contact centre, keeps a
 * cart open; she exports her data (every section the privacy map names is there), asks for erasure (it
 * waits for the payment dispute window), and when it goes ahead every context does its part. Then every
 * table and the outbox are scanned for her email, phone and name: nothing is left but the anonymised
 * order records (which hold none of them), and the request says who asked, when, and what was done.
 */
class PrivacyJourneyTest {

    private static final String CUSTOMER = "customer-1";
    private static final String EMAIL = "camille.martin@example.fr";
    private static final String PHONE = "+33612345678";
    private static final String NAME = "camille martin";
    private static final String STORE = "store-paris-opera";
    private static final String SKU = "SHOE-RUN-42";
    private static final String TEE = "TEE-RUN-M";

    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    /** Every line every function logged during the journey (they share this JVM's one log4j context). */
    private static final List<String> LOGGED = java.util.Collections.synchronizedList(new ArrayList<>());

    @org.junit.jupiter.api.BeforeAll
    static void captureTheLogs() {
        org.apache.logging.log4j.core.LoggerContext context =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        org.apache.logging.log4j.core.appender.AbstractAppender capture =
                new org.apache.logging.log4j.core.appender.AbstractAppender("privacy-journey", null, null, true,
                        org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
                    @Override
                    public void append(org.apache.logging.log4j.core.LogEvent event) {
                        LOGGED.add(event.getMessage().getFormattedMessage() + " " + event.getContextData()
                                + (event.getThrown() == null ? "" : " " + event.getThrown()));
                    }
                };
        capture.start();
        context.getConfiguration().getLoggers().values().forEach(logger -> logger.addAppender(capture, null, null));
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
    }

    @Test
    void aCustomerExportsThenErasesHerDataAndNothingOfHerIsLeftButTheTaxRecord() throws Exception {
        String camille = DevTokens.customer(CUSTOMER);
        String staff = DevTokens.forSubject("paul").groups(Caller.STORE_STAFF).store(STORE).sign();
        String agent = DevTokens.forSubject("agent-ana").groups(Caller.AGENT).sign();

        // given: an order collected at the store, half of it returned
        String orderId = placePickup(camille, List.of(SKU, TEE));
        JsonNode order = send("GET", "/orders/" + orderId, null, camille, 200);
        String events = "/orders/" + orderId + "/fulfilments/" + order.path("fulfilments").path(0).path("fulfilmentId").asText() + "/events";
        for (String state : List.of("picked", "ready-for-pickup", "collected")) {
            send("POST", events, "{\"type\": \"" + state + "\"}", staff, 200);
        }
        String returnId = send("POST", "/orders/" + orderId + "/returns",
                "{\"lines\": [{\"sku\": \"" + TEE + "\", \"quantity\": 1}], \"reason\": \"Camille Martin: too small\"}",
                camille, 201).path("returns").path(0).path("returnId").asText();
        send("POST", "/returns/" + returnId + "/receive", "{\"locationId\": \"" + STORE + "\", \"lines\": [{\"sku\": \""
                + TEE + "\", \"quantity\": 1, \"disposition\": \"restock\"}]}", staff, 200);
        // and: a call to the contact centre, a cart she keeps open on her phone
        send("POST", "/customers/" + CUSTOMER + "/interactions", """
                {"channel": "phone", "reason": "Return refund", "summary": "Camille Martin asked when the refund arrives",
                 "outcome": "resolved"}""", agent, 201);
        String cartId = send("POST", "/carts", null, camille, 201).path("id").asText();
        send("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + SKU + "\", \"quantity\": 1}", camille, 200);
        awaitTimeline(agent, "ReturnReceived");

        // when: she asks for her data
        JsonNode exported = send("POST", "/me/privacy-requests", "{\"type\": \"export\"}", camille, 201);
        JsonNode document = send("GET", "/me/privacy-requests/" + exported.path("requestId").asText(), null, camille, 200)
                .path("document");

        // then: every section the privacy map names for the tables that hold her is in the document
        List<String> sections = new ArrayList<>();
        PrivacyMap.load().tables().values().stream().filter(t -> !t.export().equals("none"))
                .forEach(t -> sections.addAll(List.of(t.export().split(",\\s*"))));
        assertThat(sections).isNotEmpty().allSatisfy(section -> assertThat(document.has(section))
                .as("export section %s", section).isTrue());
        assertThat(document.path("orders").findValuesAsText("orderId")).contains(orderId);
        assertThat(document.path("profile").path(0).path("email").asText()).isEqualTo(EMAIL);
        assertThat(document.path("interactions").findValuesAsText("summary")).contains("Camille Martin asked when the refund arrives");

        // when: she asks for erasure
        JsonNode asked = send("POST", "/me/privacy-requests", "{\"type\": \"erasure\"}", camille, 202);
        String requestId = asked.path("requestId").asText();

        // then: it waits for the payment dispute window, and says so
        assertThat(asked.path("state").asText()).isEqualTo("waiting");
        assertThat(asked.path("waitingFor").findValuesAsText("reason")).contains("payment-dispute-window");
        Instant waitUntil = Instant.parse(asked.path("waitUntil").asText());

        // when: the window has passed and she looks again
        send("POST", "/_local/clock", "{\"to\": \"" + waitUntil.plus(Duration.ofDays(1)) + "\"}", null, 200);
        JsonNode done = awaitCompleted(DevTokens.customer(CUSTOMER), requestId);

        // then: every context did its part, and the request keeps who asked and when
        assertThat(done.path("request").path("partsDone").toString()).contains("customers", "orders", "carts", "notifications");
        assertThat(done.path("request").path("requestedBy").path("kind").asText()).isEqualTo("customer");
        assertThat(done.path("request").path("completedAt").asText()).isNotBlank();

        // and: no table and no pending event holds her email, phone or name any more
        Instant now = Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText());
        List<String> left = scanEveryTable(now);
        assertThat(left).as("items naming Camille after her erasure").isEmpty();
        // and: no function logged her email, phone or name on the way
        assertThat(LOGGED).as("lines logged during the journey").isNotEmpty();
        assertThat(LOGGED).as("log lines naming Camille").noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(EMAIL)
                || line.contains(PHONE) || line.toLowerCase(Locale.ROOT).contains(NAME));
        // and: the order stays as the tax record, without her
        JsonNode record = orderRecord(orderId);
        assertThat(record.path("number").asText()).isEqualTo(order.path("number").asText());
        assertThat(record.path("totals")).isEqualTo(order.path("totals"));
        assertThat(record.has("customerId") && !record.path("customerId").isNull()).isFalse();
        // and: the agent finds nobody any more
        JsonNode found = send("GET", "/agent/customers?phone=" + PHONE.replace("+", "%2B"), null, agent, 200).path("customers");
        assertThat(found.isArray()).as("the search's answer").isTrue();
        assertThat(found).isEmpty();
    }

    // ---- steps -------------------------------------------------------------------------------------

    private static String placePickup(String token, List<String> skus) throws Exception {
        String cartId = send("POST", "/carts", null, token, 201).path("id").asText();
        for (String sku : skus) {
            send("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}", token, 200);
        }
        return send("POST", "/orders", """
                {"cartId": "%s", "fulfilment": {"method": "pickup", "locationId": "%s"},
                 "payment": {"method": "card", "reference": "pay-%s"}}""".formatted(cartId, STORE, UUID.randomUUID()),
                token, 201, Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID())).path("orderId").asText();
    }

    private static void awaitTimeline(String agent, String type) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = send("GET", "/customers/" + CUSTOMER + "/timeline", null, agent, 200);
            if (page.path("items").findValuesAsText("type").contains(type)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type + " on the timeline within 30 s");
    }

    private static JsonNode awaitCompleted(String token, String requestId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = send("GET", "/me/privacy-requests/" + requestId, null, token, 200);
            if (last.path("request").path("state").asText().equals("completed")) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the erasure did not complete within 60 s: " + last);
    }

    /** Every item of every table of the template, skipping what its TTL already removed, that names her. */
    private static List<String> scanEveryTable(Instant now) {
        DynamoDbClient dynamo = RUNTIME.runtime().dynamo().client();
        List<String> found = new ArrayList<>();
        for (TableSpec table : RUNTIME.runtime().template().tables()) {
            dynamo.scanPaginator(b -> b.tableName(table.tableName()).consistentRead(true)).items().forEach(item -> {
                if (expired(item, table, now)) {
                    return;
                }
                // the outbox keeps its events compressed: read them as the relay does, or what they say would hide
                String events = table.logicalId().equals("OutboxTable")
                        ? com.omnis.shared.json.Json.write(com.omnis.shared.events.OutboxRecord.eventsOf(item)) : "";
                String text = (item.toString() + events).toLowerCase(Locale.ROOT);
                if (text.contains(EMAIL) || text.contains(PHONE) || text.contains(NAME)) {
                    found.add(table.logicalId() + ": " + item);
                }
            });
        }
        return found;
    }

    /** DynamoDB Local keeps expired items; DynamoDB deletes them (within days): they count as gone. */
    private static boolean expired(Map<String, AttributeValue> item, TableSpec table, Instant now) {
        return table.ttlAttribute().map(item::get).filter(v -> v.n() != null)
                .map(v -> Long.parseLong(v.n()) < now.getEpochSecond()).orElse(false);
    }

    private static JsonNode orderRecord(String orderId) throws Exception {
        var item = RUNTIME.runtime().dynamo().client().getItem(b -> b.tableName("OrdersTable").consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("order#" + orderId), "sk", AttributeValue.fromS("order")))).item();
        return com.omnis.shared.json.Json.MAPPER.readTree(item.get("doc").s());
    }

    private static JsonNode send(String method, String path, String body, String token, int expected) throws Exception {
        return send(method, path, body, token, expected, Map.of());
    }

    private static JsonNode send(String method, String path, String body, String token, int expected,
                                 Map<String, String> headers) throws Exception {
        return RUNTIME.send(method, path, body, token, "web", headers, expected);
    }
}
