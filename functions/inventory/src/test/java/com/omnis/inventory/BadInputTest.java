package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.shared.inventory.StockRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every bad input is a 4xx problem document that names the problem, and moves nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private InventoryFixture f;
    private List<StockRecord> stockBefore;
    private int outboxBefore;
    private List<Map<String, AttributeValue>> reservationsBefore;
    private String reservationId;

    @BeforeAll
    void stock() {
        f = new InventoryFixture();
        f.receive(TEE, WAREHOUSE, 10);
        reservationId = f.hold(As.customer("customer-1"), Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1)))).body().get("id").asText();
        stockBefore = f.allStockRecords();
        outboxBefore = f.outboxItems();
        reservationsBefore = f.allReservationItems();
    }

    @AfterAll
    void close() {
        f.close();
    }

    static Stream<Arguments> badRequests() {
        As ops = As.ops();
        As customer = As.customer("customer-1");
        String key = "bad-input-key-1";
        return Stream.of(
                // movements
                bad("malformed JSON", movement(ops, key, "{\"type\": \"receipt\", "), 400, null),
                bad("body not an object", movement(ops, key, "[1, 2]"), 400, "body"),
                bad("quantity as a string", movement(ops, key, "{\"type\":\"receipt\",\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"quantity\":\"3\"}"), 400, "quantity"),
                bad("fractional quantity", movement(ops, key, "{\"type\":\"receipt\",\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"quantity\":2.5}"), 400, "quantity"),
                bad("zero quantity", movementOf(ops, key, "receipt", "TEE-BLUE-M", "wh-paris", 0), 400, "quantity"),
                bad("negative quantity", movementOf(ops, key, "sale", "TEE-BLUE-M", "wh-paris", -1), 400, "quantity"),
                bad("huge quantity", movementOf(ops, key, "receipt", "TEE-BLUE-M", "wh-paris", 10_000_000_000L), 400, "quantity"),
                bad("unknown type", movementOf(ops, key, "theft", "TEE-BLUE-M", "wh-paris", 1), 400, "type"),
                bad("missing type", movement(ops, key, "{\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"quantity\":1}"), 400, "type"),
                bad("bad SKU", movementOf(ops, key, "receipt", "tee blue", "wh-paris", 1), 400, "sku"),
                bad("bad location id", movementOf(ops, key, "receipt", "TEE-BLUE-M", "WH PARIS", 1), 400, "locationId"),
                bad("unknown field", movement(ops, key, "{\"type\":\"receipt\",\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"quantity\":1,\"price\":3}"), 400, "price"),
                bad("transfer without destination", movementOf(ops, key, "transfer", "TEE-BLUE-M", "wh-paris", 1), 400, "toLocationId"),
                bad("transfer to itself", movement(ops, key, "{\"type\":\"transfer\",\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"toLocationId\":\"wh-paris\",\"quantity\":1}"), 400, "toLocationId"),
                bad("destination on a sale", movement(ops, key, "{\"type\":\"sale\",\"sku\":\"TEE-BLUE-M\",\"locationId\":\"wh-paris\",\"toLocationId\":\"store-lyon\",\"quantity\":1}"), 400, "toLocationId"),
                bad("short idempotency key", movementOf(ops, "abc", "receipt", "TEE-BLUE-M", "wh-paris", 1), 400, "header Idempotency-Key"),
                bad("body over 64 KiB", movement(ops, key, "{\"type\":\"receipt\",\"reason\":\"" + "x".repeat(70_000) + "\"}"), 413, null),
                bad("not JSON", Http.request("POST", "/stock/movements", "/stock/movements").as(ops)
                        .header("Idempotency-Key", key).header("content-type", "text/plain").body("receipt 3"), 415, null),
                bad("customer moving stock", movementOf(customer, key, "receipt", "TEE-BLUE-M", "wh-paris", 1), 403, null),
                bad("no token", movementOf(As.ANONYMOUS, key, "receipt", "TEE-BLUE-M", "wh-paris", 1), 401, null),
                // reservations
                bad("no lines", hold(customer, "{\"channel\":\"web\",\"lines\":[]}"), 400, "lines"),
                bad("unknown channel", hold(customer, "{\"channel\":\"fax\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 400, "channel"),
                bad("missing channel", hold(customer, "{\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 400, "channel"),
                bad("zero line quantity", hold(customer, "{\"channel\":\"web\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":0}]}"), 400, "lines[0].quantity"),
                bad("huge line quantity", hold(customer, "{\"channel\":\"web\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":5000}]}"), 400, "lines[0].quantity"),
                bad("hold over an hour", hold(customer, "{\"channel\":\"web\",\"ttlSeconds\":7200,\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 400, "ttlSeconds"),
                bad("null line", hold(customer, "{\"channel\":\"web\",\"lines\":[null]}"), 400, "lines[0]"),
                bad("unknown pickup store", hold(customer, "{\"channel\":\"web\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1,\"locationId\":\"store-mars\"}]}"), 422, "lines.locationId"),
                bad("store channel without a store", hold(ops, "{\"channel\":\"store\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 400, "lines.locationId"),
                bad("hold without an idempotency key", Http.request("POST", "/reservations", "/reservations").as(customer)
                        .body("{\"channel\":\"web\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 400, "header Idempotency-Key"),
                bad("anonymous hold", hold(As.ANONYMOUS, "{\"channel\":\"web\",\"lines\":[{\"sku\":\"TEE-BLUE-M\",\"quantity\":1}]}"), 401, null),
                bad("commit of an id that is not one", Http.request("POST", "/reservations/{reservationId}/commit",
                        "/reservations/x/commit").path("reservationId", "../../etc").as(customer), 404, null),
                // queries and settings
                bad("availability without skus", Http.request("GET", "/availability", "/availability").query("channel", "web"), 400, "query skus"),
                bad("availability without channel", Http.request("GET", "/availability", "/availability").query("skus", "TEE-BLUE-M"), 400, "query channel"),
                bad("availability with a bad SKU", Http.request("GET", "/availability", "/availability").query("skus", "TEE-BLUE-M,,x y").query("channel", "web"), 400, "query skus"),
                bad("availability with a bad postal code", Http.request("GET", "/availability", "/availability").query("skus", "TEE-BLUE-M").query("channel", "web").query("postalCode", "<script>"), 400, "query postalCode"),
                bad("negative safety stock", settings(ops, "{\"safetyStock\":{\"web\":-1}}"), 400, "safetyStock.web"),
                bad("safety stock for an unknown channel", settings(ops, "{\"safetyStock\":{\"fax\":1}}"), 400, "safetyStock.fax"),
                bad("too many shards", settings(ops, "{\"shards\":50}"), 400, "shards"),
                bad("empty settings", settings(ops, "{}"), 400, "body"),
                bad("staff sharding", settings(As.staff(WAREHOUSE), "{\"shards\":2}"), 403, null),
                bad("stock page limit", Http.request("GET", "/locations/{locationId}/stock", "/locations/wh-paris/stock")
                        .path("locationId", WAREHOUSE).query("limit", "0").as(ops), 400, "query limit"),
                bad("forged cursor", Http.request("GET", "/locations/{locationId}/stock", "/locations/wh-paris/stock")
                        .path("locationId", WAREHOUSE).query("cursor", "bm90LWEtY3Vyc29y").as(ops), 400, "query cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemThatNamesItAndMovesNothing(String name, Http.Request request, int status, String field) {
        // when
        Http.Response response = f.http.send(request);

        // then
        assertThat(response.status()).as(name).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("type").asText()).startsWith("https://omnis.dev/problems/");
        assertThat(response.body().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        }
        assertThat(f.allStockRecords()).isEqualTo(stockBefore);
        assertThat(f.outboxItems()).isEqualTo(outboxBefore);
        assertThat(f.allReservationItems()).isEqualTo(reservationsBefore);
        assertThat(reservationId).isNotBlank();
    }

    private static Arguments bad(String name, Http.Request request, int status, String field) {
        return Arguments.of(name, request, status, field);
    }

    private static Http.Request movement(As as, String key, String body) {
        return Http.request("POST", "/stock/movements", "/stock/movements").as(as).header("Idempotency-Key", key).body(body);
    }

    private static Http.Request movementOf(As as, String key, String type, String sku, String location, long quantity) {
        return movement(as, key, "{\"type\":\"" + type + "\",\"sku\":\"" + sku + "\",\"locationId\":\"" + location
                + "\",\"quantity\":" + quantity + "}");
    }

    private static Http.Request hold(As as, String body) {
        return Http.request("POST", "/reservations", "/reservations").as(as)
                .header("Idempotency-Key", "bad-hold-" + java.util.UUID.randomUUID()).body(body);
    }

    private static Http.Request settings(As as, String body) {
        return Http.request("PUT", "/locations/{locationId}/stock/{sku}", "/locations/wh-paris/stock/TEE-BLUE-M")
                .path("locationId", WAREHOUSE).path("sku", TEE.value()).as(as).body(body);
    }
}
