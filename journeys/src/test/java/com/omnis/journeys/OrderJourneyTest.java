package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.journeys.LocalApi.Answer;
import com.omnis.local.auth.DevTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 8's journeys over HTTP through the local runtime with its demo data: (1) a cart filled on the
 * phone is checked out on the web for pickup in Lyon, staff pick it and mark it ready, the customer
 * collects it and returns one item at a store in Paris, whose stock goes up, with the refund of what
 * was paid; (2) delivery from the warehouse, shipped, delivered, confirmed; (3) "not received" opens a
 * claim that an agent sees on the order.
 */
class OrderJourneyTest {

    private static final String SHOE = "SHOE-RUN-42";
    private static final String SOCKS = "SOCKS-RUN-3P";
    private static final String LYON = "store-lyon-bellecour";
    private static final String PARIS = "store-paris-opera";
    private static final String WAREHOUSE = "warehouse-orleans";
    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    @Test
    void mobileCartPickedUpInLyonAndOneItemReturnedInParisRestocksParisAndRefundsWhatWasPaid() throws Exception {
        String customer = DevTokens.customer("customer-journey-pickup");
        String lyonStaff = staff("anna", LYON);
        String parisStaff = staff("paul", PARIS);
        long lyonShoesBefore = available(SHOE, "store", LYON);
        long parisShoesBefore = available(SHOE, "store", PARIS);

        // given: a guest fills a cart on the phone, then signs in on the web and the carts merge
        String cartId = customerCart(customer, "mobile", Map.of(SHOE, 1, SOCKS, 2));

        // when: the customer checks out on the web, for pickup in Lyon
        String key = "checkout-" + UUID.randomUUID();
        String body = """
                {"cartId": "%s", "fulfilment": {"method": "pickup", "locationId": "%s"},
                 "payment": {"method": "card", "reference": "pay-%s"}, "contact": {"email": "c1@example.com"}}"""
                .formatted(cartId, LYON, UUID.randomUUID());
        Answer placed = send("POST", "/orders", body, customer, "web", Map.of("Idempotency-Key", key));

        // then: one order, sourced at Lyon, the units gone from Lyon's till
        assertThat(placed.status()).as("checkout: %s", placed.body()).isEqualTo(201);
        JsonNode order = placed.body();
        String orderId = order.path("orderId").asText();
        assertThat(order.path("number").asText()).matches("OM-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(order.path("status").asText()).isEqualTo("placed");
        assertThat(order.path("paymentStatus").asText()).isEqualTo("authorised");
        assertThat(order.path("fulfilments")).hasSize(1);
        assertThat(order.path("fulfilments").path(0).path("kind").asText()).isEqualTo("pickup");
        assertThat(order.path("fulfilments").path(0).path("sourcing").path("reason").asText()).contains("Lyon");
        assertThat(available(SHOE, "store", LYON)).isEqualTo(lyonShoesBefore - 1);

        // and: the same key and body again replays the answer; another body with it is refused
        Answer replay = send("POST", "/orders", body, customer, "web", Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(replay.body().path("orderId").asText()).isEqualTo(orderId);
        assertThat(send("POST", "/orders", body.replace("c1@", "c2@"), customer, "web",
                Map.of("Idempotency-Key", key)).status()).isEqualTo(422);
        assertThat(available(SHOE, "store", LYON)).isEqualTo(lyonShoesBefore - 1);

        // and: another customer is told the order does not exist; Paris staff cannot move Lyon's fulfilment
        assertThat(send("GET", "/orders/" + orderId, null, DevTokens.customer("someone-else"), "web", Map.of()).status())
                .isEqualTo(404);
        assertThat(event(orderId, "picked", parisStaff).status()).isEqualTo(403);

        // when: Lyon's staff pick the order and mark it ready
        assertThat(event(orderId, "picked", lyonStaff).status()).isEqualTo(200);
        Answer ready = event(orderId, "ready-for-pickup", lyonStaff);
        assertThat(ready.body().path("fulfilments").path(0).path("state").asText()).isEqualTo("ready-for-pickup");
        Answer workList = send("GET", "/locations/" + LYON + "/fulfilments?status=ready-for-pickup", null, lyonStaff,
                null, Map.of());
        assertThat(workList.body().path("items").findValuesAsText("orderId")).contains(orderId);
        assertThat(send("GET", "/locations/" + LYON + "/fulfilments", null, parisStaff, null, Map.of()).status())
                .isEqualTo(403);
        // an invalid move names the allowed ones; a repeated event changes nothing
        Answer invalid = event(orderId, "shipped", lyonStaff);
        assertThat(invalid.status()).isEqualTo(409);
        assertThat(invalid.body().path("current").path("allowed").toString()).contains("collected", "expired", "cancelled");
        assertThat(event(orderId, "ready-for-pickup", lyonStaff).body().path("sequence").asLong())
                .isEqualTo(ready.body().path("sequence").asLong());

        // when: the customer collects it, and returns the shoes online
        Answer collected = event(orderId, "collected", lyonStaff);
        assertThat(collected.body().path("status").asText()).isEqualTo("completed");
        Answer returned = send("POST", "/orders/" + orderId + "/returns",
                "{\"lines\": [{\"sku\": \"" + SHOE + "\", \"quantity\": 1}], \"reason\": \"too small\"}", customer, "web",
                Map.of());
        assertThat(returned.status()).as("return: %s", returned.body()).isEqualTo(201);
        String returnId = returned.body().path("returns").path(0).path("returnId").asText();
        // never more than bought
        assertThat(send("POST", "/orders/" + orderId + "/returns",
                "{\"lines\": [{\"sku\": \"" + SHOE + "\", \"quantity\": 1}], \"reason\": \"again\"}", customer, "web",
                Map.of()).status()).isEqualTo(409);

        // then: the store in Paris receives it: Paris' stock goes up and the refund is what the shoes cost after promotion
        Answer received = send("POST", "/returns/" + returnId + "/receive", """
                {"locationId": "%s", "lines": [{"sku": "%s", "quantity": 1, "disposition": "restock"}]}"""
                .formatted(PARIS, SHOE), parisStaff, "store", Map.of());
        assertThat(received.status()).as("receive: %s", received.body()).isEqualTo(200);
        long paidForShoes = lineTotal(order, SHOE);
        assertThat(received.body().path("returns").path(0).path("refund").path("amount").asLong()).isEqualTo(paidForShoes);
        assertThat(paidForShoes).isLessThan(12999);
        assertThat(available(SHOE, "store", PARIS)).isEqualTo(parisShoesBefore + 1);
        assertThat(available(SHOE, "store", LYON)).isEqualTo(lyonShoesBefore - 1);

        // and: the customer's history lists it
        Answer mine = send("GET", "/me/orders", null, customer, null, Map.of());
        assertThat(mine.body().path("items").findValuesAsText("orderId")).contains(orderId);
    }

    @Test
    void aDeliveryFromTheWarehouseIsShippedDeliveredAndConfirmedByTheCustomer() throws Exception {
        String customer = DevTokens.customer("customer-journey-delivery");
        String warehouse = staff("wendy", WAREHOUSE);
        String orderId = deliveredOrder(customer, warehouse);

        Answer confirmed = send("POST", "/orders/" + orderId + "/delivery-confirmation", "{\"received\": true}", customer,
                "web", Map.of());

        assertThat(confirmed.status()).as("confirm: %s", confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body().path("deliveryConfirmation").path("received").asBoolean()).isTrue();
        assertThat(confirmed.body().path("claims")).isEmpty();
        assertThat(confirmed.body().path("status").asText()).isEqualTo("completed");
    }

    @Test
    void notReceivedOpensAClaimThatAnAgentSeesOnTheOrder() throws Exception {
        String customer = DevTokens.customer("customer-journey-claim");
        String orderId = deliveredOrder(customer, staff("wendy", WAREHOUSE));

        Answer answered = send("POST", "/orders/" + orderId + "/delivery-confirmation",
                "{\"received\": false, \"comment\": \"the parcel never came\"}", customer, "web", Map.of());
        String agent = DevTokens.forSubject("agent-7").groups("agent").sign();
        Answer seen = send("GET", "/orders/" + orderId, null, agent, null, Map.of());

        assertThat(answered.status()).isEqualTo(200);
        assertThat(seen.body().path("claims")).hasSize(1);
        assertThat(seen.body().path("claims").path(0).path("comment").asText()).isEqualTo("the parcel never came");
        assertThat(seen.body().path("claims").path(0).path("status").asText()).isEqualTo("open");
    }

    private static String deliveredOrder(String customer, String warehouseStaff) throws Exception {
        String cartId = customerCart(customer, "web", Map.of(SOCKS, 1));
        Answer placed = send("POST", "/orders", """
                {"cartId": "%s", "fulfilment": {"method": "delivery", "address": {"line1": "1 rue de la Paix",
                 "postalCode": "75002", "city": "Paris", "country": "FR"}}, "payment": {"method": "card", "reference": "pay-%s"}}"""
                .formatted(cartId, UUID.randomUUID()), customer, "web", Map.of("Idempotency-Key", "k-" + UUID.randomUUID()));
        assertThat(placed.status()).as("checkout: %s", placed.body()).isEqualTo(201);
        JsonNode fulfilment = placed.body().path("fulfilments").path(0);
        assertThat(fulfilment.path("locationId").asText()).isEqualTo(WAREHOUSE);
        assertThat(fulfilment.path("kind").asText()).isEqualTo("delivery");
        String orderId = placed.body().path("orderId").asText();
        for (String type : List.of("picked", "packed")) {
            assertThat(event(orderId, type, warehouseStaff).status()).isEqualTo(200);
        }
        Answer shipped = send("POST", "/orders/" + orderId + "/fulfilments/f1/events",
                "{\"type\": \"shipped\", \"carrier\": \"Colissimo\", \"trackingNumber\": \"6A12345678901\"}", warehouseStaff,
                null, Map.of());
        assertThat(shipped.body().path("fulfilments").path(0).path("trackingNumber").asText()).isEqualTo("6A12345678901");
        assertThat(send("POST", "/orders/" + orderId + "/cancel", null, customer, "web", Map.of()).status()).isEqualTo(409);
        assertThat(event(orderId, "delivered", warehouseStaff).status()).isEqualTo(200);
        return orderId;
    }

    /** A signed-in customer's cart holding {@code lines}, filled as a guest on {@code channel} and merged on the web. */
    private static String customerCart(String customer, String channel, Map<String, Integer> lines) throws Exception {
        Answer guest = send("POST", "/carts", null, null, channel, Map.of());
        String guestCart = guest.body().path("id").asText();
        String token = guest.body().path("token").asText();
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            Answer added = send("POST", "/carts/" + guestCart + "/items",
                    "{\"sku\": \"" + line.getKey() + "\", \"quantity\": " + line.getValue() + "}", null, channel,
                    Map.of("X-Cart-Token", token));
            assertThat(added.status()).as("add: %s", added.body()).isIn(200, 201);
        }
        Answer merged = send("POST", "/me/cart/merge", "{\"cartId\": \"" + guestCart + "\", \"token\": \"" + token + "\"}",
                customer, "web", Map.of());
        assertThat(merged.status()).as("merge: %s", merged.body()).isEqualTo(200);
        return merged.body().path("id").asText();
    }

    private static Answer event(String orderId, String type, String token) throws Exception {
        return send("POST", "/orders/" + orderId + "/fulfilments/f1/events", "{\"type\": \"" + type + "\"}", token, null,
                Map.of());
    }

    private static String staff(String subject, String store) {
        return DevTokens.forSubject(subject).groups("store-staff").store(store).sign();
    }

    private static long lineTotal(JsonNode order, String sku) {
        for (JsonNode line : order.path("lines")) {
            if (line.path("sku").asText().equals(sku)) {
                return line.path("lineTotal").path("amount").asLong();
            }
        }
        throw new AssertionError("no line " + sku);
    }

    private static long available(String sku, String channel, String locationId) throws Exception {
        return send("GET", "/availability?skus=" + sku + "&channel=" + channel + "&locationId=" + locationId, null, null,
                null, Map.of()).body().path("items").path(0).path("available").asLong();
    }

    static Answer send(String method, String path, String body, String token, String channel, Map<String, String> headers)
            throws Exception {
        return RUNTIME.send(method, path, body, token, channel, headers);
    }
}
