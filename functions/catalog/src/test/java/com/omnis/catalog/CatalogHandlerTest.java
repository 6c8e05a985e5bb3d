package com.omnis.catalog;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static com.omnis.catalog.testing.CatalogFixtures.eur;
import static com.omnis.catalog.testing.CatalogFixtures.percentOffCategory;
import static com.omnis.catalog.testing.CatalogFixtures.product;
import static com.omnis.catalog.testing.CatalogFixtures.store;
import static com.omnis.catalog.testing.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.template.HttpRoute;
import com.omnis.local.template.SamTemplate;
import com.omnis.catalog.dynamo.DynamoCatalogProducts;
import com.omnis.catalog.dynamo.DynamoCatalogPromotions;
import com.omnis.catalog.testing.CatalogTables;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockSeed;
import com.omnis.shared.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real handler on DynamoDB Local, fed with the sample events of events/api. */
class CatalogHandlerTest {

    private static final Path EVENTS = SamTemplate.repoRoot().resolve("events/api");

    private final CatalogTables tables = new CatalogTables();
    private final DynamoCatalogProducts products = tables.products;
    private final DynamoCatalogPromotions promotions = tables.promotions;
    private final CatalogHandler handler = new CatalogHandler(products, promotions, tables.locations, tables.stock,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void dropTables() {
        tables.close();
    }

    @BeforeEach
    void seedTheCatalog() {
        products.save(product("SHOE-RUN-42", "Road runner 42", "shoes", 12999));
        products.save(product("SHOE-TRAIL-41", "Trail runner 41", "shoes", 13999));
        products.save(product("SHOE-WALK-40", "City walker 40", "shoes", 8999));
        products.save(product("SOCK-RUN-1", "Running socks", "socks", 1299));
        promotions.save(percentOffCategory("promo-shoes-10", 10, "shoes"));
        tables.seed(store("store-paris-opera", true));
        tables.seed(store("store-lyon", false));
        tables.seed(warehouse("wh-central"));
        // SHOE-RUN-42: 10 in the warehouse, 5 at Opéra (2 kept back from the web), 3 at Lyon; nobody stocks SOCK-RUN-1
        tables.seed(new StockSeed(Sku.of("SHOE-RUN-42"), "wh-central", 10, Map.of()), NOW);
        tables.seed(new StockSeed(Sku.of("SHOE-RUN-42"), "store-paris-opera", 5, Map.of(Channel.WEB, 2L)), NOW);
        tables.seed(new StockSeed(Sku.of("SHOE-RUN-42"), "store-lyon", 3, Map.of()), NOW);
    }

    private static APIGatewayV2HTTPEvent withHeaders(APIGatewayV2HTTPEvent event, Map<String, String> changes) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        changes.forEach((name, value) -> {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        });
        event.setHeaders(headers);
        return event;
    }

    /** The product as the response shows it, without its availability: what must not depend on the channel. */
    private static JsonNode withoutAvailability(JsonNode product) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = product.deepCopy();
        copy.remove("availability");
        return copy;
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve(file).toString());
    }

    private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPEvent withPath(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> params = new HashMap<>(event.getPathParameters());
        params.put(name, value);
        event.setPathParameters(params);
        return event;
    }

    private static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> query) {
        event.setQueryStringParameters(query);
        return event;
    }

    private static APIGatewayV2HTTPEvent anonymous(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setAuthorizer(null);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("authorization");
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent inGroup(APIGatewayV2HTTPEvent event, String groups) {
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:groups", groups);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        return json(response);
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
    }

    private static Money money(JsonNode node) {
        try {
            return Json.MAPPER.treeToValue(node, Money.class);
        } catch (Exception e) {
            throw new AssertionError("not money: " + node, e);
        }
    }

    private Product stored(String sku) {
        return products.find(Sku.of(sku)).orElseThrow();
    }

    @Nested
    class Browsing {

        @Test
        void aCategoryIsListedWithListAndEffectivePricesPageByPage() {
            APIGatewayV2HTTPResponse first = call(event("catalog-list-products.json"));

            assertThat(first.getStatusCode()).isEqualTo(200);
            assertThat(first.getHeaders()).containsEntry("Content-Type", "application/json");
            JsonNode page = json(first);
            assertThat(page.get("items")).hasSize(2);
            JsonNode run = page.get("items").get(0);
            assertThat(run.get("sku").asText()).isEqualTo("SHOE-RUN-42");
            assertThat(money(run.get("price"))).isEqualTo(eur(12999));
            assertThat(money(run.get("effectivePrice"))).isEqualTo(eur(11699));
            assertThat(run.at("/promotion/promotionId").asText()).isEqualTo("promo-shoes-10");
            assertThat(run.has("availability")).as("a listing carries no availability").isFalse();

            JsonNode second = json(call(withQuery(event("catalog-list-products.json"),
                    Map.of("category", "shoes", "limit", "2", "cursor", page.get("nextCursor").asText()))));
            assertThat(second.get("items")).extracting(n -> n.get("sku").asText()).containsExactly("SHOE-WALK-40");
            assertThat(second.has("nextCursor")).isFalse();
        }

        @Test
        void aTextSearchFindsProductsByName() {
            JsonNode page = json(call(event("catalog-search-products.json")));

            assertThat(page.get("items")).extracting(n -> n.get("sku").asText()).containsExactly("SHOE-TRAIL-41");
        }

        @ParameterizedTest
        @EnumSource(Channel.class)
        void aProductShowsTheSamePriceWhateverChannelAsksAndWhateverTokenItSends(Channel channel) {
            APIGatewayV2HTTPEvent fromWeb = event("catalog-get-product.json");
            APIGatewayV2HTTPEvent fromChannel = withHeaders(event("catalog-get-product.json"),
                    Map.of("x-channel", channel.code(), "authorization", "Bearer expired.or.foreign"));

            APIGatewayV2HTTPResponse web = call(fromWeb);
            APIGatewayV2HTTPResponse other = call(fromChannel);

            assertThat(web.getStatusCode()).isEqualTo(200);
            assertThat(other.getStatusCode()).as(other.getBody()).isEqualTo(200);
            assertThat(json(web).get("effectivePrice").get("amount").asLong()).isEqualTo(11699);
            assertThat(json(other).at("/availability/channel").asText()).isEqualTo(channel.code());
            assertThat(withoutAvailability(json(other))).isEqualTo(withoutAvailability(json(web)));
        }

        @Test
        void anUnknownProductIsAProblem404() {
            JsonNode problem = problem(call(withPath(event("catalog-get-product.json"), "sku", "NOPE-1")), 404);

            assertThat(problem.get("type").asText()).isEqualTo("https://omnis.dev/problems/not-found");
            assertThat(problem.get("detail").asText()).isEqualTo("no product NOPE-1");
        }

        @ParameterizedTest
        @CsvSource({"limit,0", "limit,101", "limit,ten", "category,Shoes", "cursor,garbage"})
        void aBadListingQueryIsA400NamingTheParameter(String name, String value) {
            JsonNode problem = problem(call(withQuery(event("catalog-list-products.json"), Map.of(name, value))), 400);

            assertThat(fields(problem)).containsExactly("query " + name);
        }
    }

    @Nested
    class Availability {

        @Test
        void onTheWebAProductShowsDeliveryPickupAndSameDayNearThePostalCodeLessTheStoresSafetyStock() {
            APIGatewayV2HTTPResponse response = call(event("catalog-get-product.json"));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode availability = json(response).get("availability");
            assertThat(availability.get("channel").asText()).isEqualTo("web");
            assertThat(availability.get("available").asLong()).isEqualTo(10 + 3 + 3);
            assertThat(availability.get("locations")).extracting(n -> n.get("locationId").asText(),
                            n -> n.get("available").asLong(), n -> n.get("pickup").asBoolean())
                    .containsExactly(tuple("store-lyon", 3L, false), tuple("store-paris-opera", 3L, true),
                            tuple("wh-central", 10L, false));
            assertThat(availability.get("options")).extracting(n -> n.get("type").asText(),
                            n -> n.path("locationId").asText(null), n -> n.get("available").asLong())
                    // both stores' same-day zones cover 750…; only Opéra offers click & collect
                    .containsExactly(tuple("delivery", null, 16L), tuple("same-day", "store-lyon", 3L),
                            tuple("pickup", "store-paris-opera", 3L), tuple("same-day", "store-paris-opera", 3L));
        }

        @Test
        void onTheStoreChannelAProductShowsTheStoresTillStockWithoutTheWarehouseNorTheWebsSafetyStock() {
            APIGatewayV2HTTPResponse response = call(event("catalog-get-product-store.json"));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode availability = json(response).get("availability");
            assertThat(availability.get("channel").asText()).isEqualTo("store");
            assertThat(availability.get("available").asLong()).isEqualTo(5 + 3);
            assertThat(availability.get("locations")).extracting(n -> n.get("locationId").asText(),
                            n -> n.get("available").asLong())
                    .containsExactly(tuple("store-lyon", 3L), tuple("store-paris-opera", 5L));
            assertThat(availability.get("options")).extracting(n -> n.get("type").asText(),
                            n -> n.get("locationId").asText(), n -> n.get("available").asLong())
                    .containsExactly(tuple("in-store", "store-lyon", 3L), tuple("in-store", "store-paris-opera", 5L));
        }

        @Test
        void withoutXChannelAProductShowsTheWebsAvailability() {
            APIGatewayV2HTTPEvent anonymousChannel = withQuery(withHeaders(event("catalog-get-product-store.json"),
                    java.util.Collections.singletonMap("x-channel", null)), null);
            APIGatewayV2HTTPEvent web = withQuery(event("catalog-get-product.json"), null);

            APIGatewayV2HTTPResponse response = call(anonymousChannel);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(json(response).at("/availability/channel").asText()).isEqualTo("web");
            assertThat(json(response).at("/availability/available").asLong()).isEqualTo(16);
            assertThat(json(response)).isEqualTo(json(call(web)));
        }

        @Test
        void aProductNobodyStocksShowsZeroAtEveryServingLocationAndNoOption() {
            JsonNode availability = json(call(withPath(event("catalog-get-product.json"), "sku", "SOCK-RUN-1")))
                    .get("availability");

            assertThat(availability.get("available").asLong()).isZero();
            assertThat(availability.get("locations")).extracting(n -> n.get("available").asLong())
                    .containsExactly(0L, 0L, 0L);
            assertThat(availability.get("options")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"fax", "WEB-SHOP", "email"})
        void anUnknownChannelIsA400NamingTheHeader(String channel) {
            JsonNode problem = problem(call(withHeaders(event("catalog-get-product.json"), Map.of("x-channel", channel))),
                    400);

            assertThat(fields(problem)).containsExactly("header X-Channel");
            assertThat(problem.get("detail").asText()).contains("unknown channel '" + channel + "'");
        }

        @Test
        void aMalformedPostalCodeIsA400NamingTheQueryParameter() {
            JsonNode problem = problem(call(withQuery(event("catalog-get-product.json"), Map.of("postalCode", "75<002>"))),
                    400);

            assertThat(fields(problem)).containsExactly("query postalCode");
        }
    }

    @Nested
    class OpsEditingProducts {

        @Test
        void opsCreateAProductThenReplaceIt() {
            APIGatewayV2HTTPResponse created = call(event("catalog-put-product-ops.json"));

            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
            assertThat(created.getHeaders()).containsEntry("Location", "/products/SHOE-TRAIL-43");
            assertThat(json(created).get("effectivePrice").get("amount").asLong()).isEqualTo(10799);
            assertThat(stored("SHOE-TRAIL-43").brand()).isEqualTo("Omnis Outdoor");

            APIGatewayV2HTTPResponse replaced = call(withBody(event("catalog-put-product-ops.json"),
                    "{\"name\":\"Trail runner 43\",\"category\":\"outdoor\",\"price\":{\"amount\":11999,\"currency\":\"EUR\"},\"active\":false}"));

            assertThat(replaced.getStatusCode()).isEqualTo(200);
            assertThat(stored("SHOE-TRAIL-43").category()).isEqualTo("outdoor");
            assertThat(stored("SHOE-TRAIL-43").brand()).isNull();
            assertThat(call(withPath(event("catalog-get-product.json"), "sku", "SHOE-TRAIL-43")).getStatusCode())
                    .isEqualTo(404);
        }

        @Test
        void opsChangeAPriceAndEveryChannelSeesItAtOnce() {
            APIGatewayV2HTTPResponse response = call(event("catalog-put-price-ops.json"));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(json(response).get("price").get("amount").asLong()).isEqualTo(8999);
            assertThat(stored("SHOE-RUN-42").price()).isEqualTo(eur(8999));
            assertThat(json(call(event("catalog-get-product.json"))).get("effectivePrice").get("amount").asLong())
                    .isEqualTo(8099);
        }

        @Test
        void repricingAnUnknownProductIs404AndCreatesNothing() {
            problem(call(withPath(event("catalog-put-price-ops.json"), "sku", "NOPE-1")), 404);

            assertThat(products.find(Sku.of("NOPE-1"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"catalog-put-product-ops.json", "catalog-put-price-ops.json",
                "catalog-create-promotion-ops.json", "catalog-list-promotions-ops.json"})
        void withoutATokenAnOpsRouteIs401AndChangesNothing(String file) {
            JsonNode problem = problem(call(anonymous(event(file))), 401);

            assertThat(problem.get("type").asText()).endsWith("/unauthorized");
            assertUntouched();
        }

        @ParameterizedTest
        @ValueSource(strings = {"catalog-put-product-ops.json", "catalog-put-price-ops.json",
                "catalog-create-promotion-ops.json", "catalog-list-promotions-ops.json"})
        void aCustomerOrStaffMemberOnAnOpsRouteIs403AndChangesNothing(String file) {
            JsonNode problem = problem(call(inGroup(event(file), "[customer store-staff]")), 403);

            assertThat(problem.get("detail").asText()).contains("'ops'");
            assertUntouched();
        }

        @Test
        void theGroupCheckComesBeforeTheBody() {
            problem(call(withBody(inGroup(event("catalog-put-price-ops.json"), "[customer]"), "{oops")), 403);
        }

        private void assertUntouched() {
            assertThat(products.find(Sku.of("SHOE-TRAIL-43"))).isEmpty();
            assertThat(stored("SHOE-RUN-42").price()).isEqualTo(eur(12999));
            assertThat(promotions.all()).extracting("promotionId").containsExactly("promo-shoes-10");
        }
    }

    @Nested
    class BadInput {

        private void assertPriceUntouched() {
            assertThat(stored("SHOE-RUN-42").price()).isEqualTo(eur(12999));
            assertThat(stored("SHOE-RUN-42").updatedAt()).isEqualTo(NOW.minusSeconds(86_400));
        }

        @Test
        void malformedJsonIsA400SayingWhere() {
            JsonNode problem = problem(call(withBody(event("catalog-put-price-ops.json"), "{\"price\": {\"amount\": 1")), 400);

            assertThat(problem.get("type").asText()).endsWith("/malformed-request");
            assertThat(problem.get("detail").asText()).contains("not valid JSON");
            assertPriceUntouched();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"price\":{\"amount\":\"8999\",\"currency\":\"EUR\"}}   | price.amount",
            "{\"price\":{\"amount\":89.99,\"currency\":\"EUR\"}}      | price.amount",
            "{\"price\":{\"currency\":\"EUR\"}}                      | price.amount",
            "{\"price\":{\"amount\":-1,\"currency\":\"EUR\"}}         | price.amount",
            "{\"price\":{\"amount\":8999,\"currency\":\"EURO\"}}      | price",
            "{\"price\":{\"amount\":8999,\"currency\":\"USD\"}}       | price.currency",
            "{\"price\":{\"amount\":8999}}                          | price",
            "{\"price\":8999}                                       | price",
            "{\"prize\":{\"amount\":8999,\"currency\":\"EUR\"}}       | prize",
            "{}                                                     | price",
            "[]                                                     | body",
        })
        void anInvalidPriceIsA400NamingTheFieldAndChangesNothing(String body, String field) {
            JsonNode problem = problem(call(withBody(event("catalog-put-price-ops.json"), body)), 400);

            assertThat(fields(problem)).containsExactly(field);
            assertPriceUntouched();
        }

        @Test
        void aMissingBodyIsA400() {
            problem(call(withBody(event("catalog-put-price-ops.json"), null)), 400);
            assertPriceUntouched();
        }

        @Test
        void aBodyThatIsNotJsonIs415() {
            APIGatewayV2HTTPEvent event = event("catalog-put-price-ops.json");
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("content-type", "text/plain");
            event.setHeaders(headers);

            problem(call(event), 415);
            assertPriceUntouched();
        }

        @Test
        void aBodyOver64KibIs413() {
            String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

            problem(call(withBody(event("catalog-put-product-ops.json"), huge)), 413);
            assertThat(products.find(Sku.of("SHOE-TRAIL-43"))).isEmpty();
        }

        @Test
        void aMalformedSkuInThePathIsA400() {
            JsonNode problem = problem(call(withPath(event("catalog-put-product-ops.json"), "sku", "shoe trail")), 400);

            assertThat(fields(problem)).containsExactly("path sku");
        }

        @Test
        void aProductWithoutItsRequiredFieldsIsA400ListingThemAll() {
            JsonNode problem = problem(call(withBody(event("catalog-put-product-ops.json"), "{\"brand\":\"Omnis\"}")), 400);

            assertThat(fields(problem)).containsExactly("name", "category", "price");
            assertThat(products.find(Sku.of("SHOE-TRAIL-43"))).isEmpty();
        }

        @Test
        void aBodySkuThatContradictsThePathIsA400() {
            JsonNode problem = problem(call(withBody(event("catalog-put-product-ops.json"),
                    "{\"sku\":\"SHOE-RUN-42\",\"name\":\"x\",\"category\":\"shoes\",\"price\":{\"amount\":1,\"currency\":\"EUR\"}}")),
                    400);

            assertThat(fields(problem)).containsExactly("sku");
            assertThat(products.find(Sku.of("SHOE-TRAIL-43"))).isEmpty();
            assertPriceUntouched();
        }

        @Test
        void aNameOfTheWrongTypeIsA400() {
            JsonNode problem = problem(call(withBody(event("catalog-put-product-ops.json"),
                    "{\"name\":42,\"category\":\"shoes\",\"price\":{\"amount\":1,\"currency\":\"EUR\"}}")), 400);

            assertThat(fields(problem)).containsExactly("name");
        }
    }

    @Nested
    class Promotions {

        @Test
        void opsCreateAPromotionThatChangesTheShownPriceAndIsListedAsActive() {
            APIGatewayV2HTTPResponse created = call(event("catalog-create-promotion-ops.json"));

            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
            JsonNode promotion = json(created);
            assertThat(promotion.get("promotionId").asText()).startsWith("promo-");
            assertThat(promotion.get("kind").asText()).isEqualTo("percent-off");
            assertThat(promotion.get("active").asBoolean()).isTrue();
            // 20 % beats the running 10 %: the best discount wins, they do not stack
            assertThat(json(call(event("catalog-get-product.json"))).get("effectivePrice").get("amount").asLong())
                    .isEqualTo(10399);

            JsonNode listed = json(call(event("catalog-list-promotions-ops.json")));
            assertThat(listed.get("items")).extracting(n -> n.get("promotionId").asText())
                    .containsExactlyInAnyOrder("promo-shoes-10", promotion.get("promotionId").asText());
        }

        @Test
        void aPromotionOnAnUnknownSkuIs422AndNotSaved() {
            JsonNode problem = problem(call(withBody(event("catalog-create-promotion-ops.json"),
                    "{\"name\":\"Ghost\",\"kind\":\"amount-off\",\"amountOff\":{\"amount\":500,\"currency\":\"EUR\"},"
                            + "\"target\":\"sku\",\"targetValue\":\"GHOST-1\",\"validUntil\":\"2026-07-01T00:00:00Z\"}")), 422);

            assertThat(problem.get("type").asText()).endsWith("/unknown-sku");
            assertThat(fields(problem)).containsExactly("targetValue");
            assertThat(promotions.all()).hasSize(1);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "\"kind\":\"buy-one-get-one\"                           | kind",
            "\"kind\":\"percent-off\",\"percentOff\":\"20\"          | percentOff",
            "\"kind\":\"percent-off\",\"percentOff\":120             | percentOff",
            "\"kind\":\"percent-off\",\"percentOff\":20,\"validUntil\":\"yesterday\" | validUntil",
            "\"kind\":\"percent-off\",\"percentOff\":20,\"validUntil\":\"2026-05-01T00:00:00Z\" | validUntil",
            "\"kind\":\"percent-off\",\"percentOff\":20,\"target\":\"brand\" | target",
        })
        void anInvalidPromotionIsA400NamingTheFieldAndIsNotSaved(String override, String field) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Spring", "kind", "percent-off", "percentOff", 20,
                    "target", "category", "targetValue", "shoes", "validUntil", "2026-09-01T00:00:00Z"));
            JsonNode changes = readObject("{" + override + "}");
            changes.fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue()));

            JsonNode problem = problem(call(withBody(event("catalog-create-promotion-ops.json"), Json.write(body))), 400);

            assertThat(fields(problem)).containsExactly(field);
            assertThat(promotions.all()).hasSize(1);
        }

        @Test
        void anUnknownKindSaysWhichKindsExist() {
            JsonNode problem = problem(call(withBody(event("catalog-create-promotion-ops.json"),
                    "{\"name\":\"X\",\"kind\":\"bogo\",\"target\":\"category\",\"targetValue\":\"shoes\",\"validUntil\":\"2026-09-01T00:00:00Z\"}")),
                    400);

            assertThat(problem.get("detail").asText()).contains("percent-off, amount-off");
        }

        private static JsonNode readObject(String text) {
            try {
                return Json.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Locations {

        @Test
        void storesOfferingPickupAreListed() {
            APIGatewayV2HTTPResponse response = call(event("catalog-list-locations.json"));

            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode items = json(response).get("items");
            assertThat(items).extracting(n -> n.get("locationId").asText()).containsExactly("store-paris-opera");
            assertThat(items.get(0).get("type").asText()).isEqualTo("store");
            assertThat(items.get(0).at("/openingHours/mon").asText()).isEqualTo("09:00-19:00");
        }

        @Test
        void everyLocationIsListedWithoutFilters() {
            JsonNode items = json(call(withQuery(event("catalog-list-locations.json"), null))).get("items");

            assertThat(items).extracting(n -> n.get("locationId").asText())
                    .containsExactly("store-lyon", "store-paris-opera", "wh-central");
        }

        @Test
        void aLocationIsShownWithItsAddressAndAnUnknownOneIs404() {
            JsonNode paris = json(call(event("catalog-get-location.json")));

            assertThat(paris.at("/address/city").asText()).isEqualTo("Paris");
            assertThat(paris.get("pickupEnabled").asBoolean()).isTrue();
            problem(call(withPath(event("catalog-get-location.json"), "locationId", "store-nice")), 404);
        }

        @Test
        void anUnknownTypeIsA400() {
            JsonNode problem = problem(call(withQuery(event("catalog-list-locations.json"), Map.of("type", "shop"))), 400);

            assertThat(fields(problem)).containsExactly("query type");
        }
    }

    @Test
    void theHandlerAnswersExactlyTheCatalogRoutesOfTheTemplate() {
        List<String> templateRoutes = tables.template().routes().stream()
                .filter(route -> route.functionId().equals(CatalogTables.FUNCTION))
                .map(HttpRoute::routeKey).toList();

        assertThat(handler.router().routeKeys()).containsExactlyInAnyOrderElementsOf(templateRoutes).hasSize(8);
    }

    @Test
    void theOpsRoutesAndOnlyThemSitBehindTheAuthorizer() {
        assertThat(tables.template().routes().stream()
                .filter(route -> route.functionId().equals(CatalogTables.FUNCTION) && route.requiresToken())
                .map(HttpRoute::routeKey))
                .containsExactlyInAnyOrder("PUT /products/{sku}", "PUT /products/{sku}/price", "POST /promotions",
                        "GET /promotions");
    }

    @Test
    void theLambdaConstructorPrimesAProductPageAListPageAndTheStoresThatReachDynamoAndChangeNothing() {
        CatalogHandler lambda = Settings.withOverrides(tables.environment, CatalogHandler::new);
        var before = products.list(Optional.empty(), Optional.empty(), 100, Optional.empty()).items();

        int succeeded = lambda.priming().orElseThrow().run();

        assertThat(succeeded).isEqualTo(3);
        assertThat(products.list(Optional.empty(), Optional.empty(), 100, Optional.empty()).items())
                .isEqualTo(before);
    }

    @Test
    void primingThatCannotReachItsTableIsSkippedWithoutFailing() {
        Map<String, String> environment = new HashMap<>(tables.environment);
        environment.put("PRODUCTS_TABLE", "no-such-table");
        CatalogHandler lambda = Settings.withOverrides(environment, CatalogHandler::new);

        int succeeded = lambda.priming().orElseThrow().run();

        // the two product reads fail and are skipped; the stores' read still primes
        assertThat(succeeded).isEqualTo(1);
    }

    @Test
    void theLambdaConstructorServesFromTheTablesItsTemplateEnvironmentNames() {
        CatalogHandler lambda = Settings.withOverrides(tables.environment, CatalogHandler::new);

        APIGatewayV2HTTPResponse page = lambda.handleRequest(event("catalog-list-products.json"), null);
        APIGatewayV2HTTPResponse inStore = lambda.handleRequest(event("catalog-get-product-store.json"), null);
        APIGatewayV2HTTPResponse repriced = lambda.handleRequest(event("catalog-put-price-ops.json"), null);

        assertThat(json(page).get("items")).extracting(n -> n.get("sku").asText())
                .containsExactly("SHOE-RUN-42", "SHOE-TRAIL-41");
        assertThat(json(inStore).at("/availability/available").asLong()).isEqualTo(5 + 3);
        assertThat(repriced.getStatusCode()).isEqualTo(200);
        assertThat(stored("SHOE-RUN-42").price()).isEqualTo(eur(8999));
    }
}
