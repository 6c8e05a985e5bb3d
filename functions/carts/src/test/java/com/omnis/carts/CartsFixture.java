package com.omnis.carts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.SeedTables;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.lambda.LocalContext;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.json.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * The carts function as Lambda builds it (its no-argument constructor, the template's environment)
 * on DynamoDB Local with the tables of template.yaml, and a small catalog: three products on sale,
 * one withdrawn, the code SUMMER10 for 10 % off the shoes and the expired code OLDCODE.
 */
final class CartsFixture implements AutoCloseable {

    static final String SHOES = "SHOE-RUN-42";
    static final String SOCKS = "SOCK-3PK";
    static final String CAP = "CAP-RED";
    static final String WITHDRAWN = "OLD-1";

    final EmbeddedDynamo dynamo;
    final String cartsTable;
    final DynamoCartRepository carts;
    /** The catalog's products, written as the catalog (or the demo data) writes them: carts only read them. */
    final SeedTables.Writer<Product> products;
    final CartsHandler handler;
    final String customersTable;
    final String outboxTable;

    CartsFixture() {
        dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
        var tables = dynamo.tableNames();
        cartsTable = tables.get("CartsTable");
        carts = new DynamoCartRepository(dynamo.client(), cartsTable);
        products = SeedTables.products(dynamo.enhancedClient(), tables.get("ProductsTable"));
        seed(products, SeedTables.promotions(dynamo.enhancedClient(), tables.get("PromotionsTable")));
        handler = Settings.withOverrides(dynamo.environmentFor("CartsFunction"), CartsHandler::new);
        customersTable = tables.get("CustomersTable");
        outboxTable = tables.get("OutboxTable");
    }

    /** A customer the customers function knows: their profile, as it writes it. */
    void knownCustomer(String customerId) {
        new com.omnis.shared.customer.CustomerSeed(customerId, "Camille Martin", customerId + "@example.com",
                "+33612345678", "fr", "Europe/Paris", java.util.List.of()).items(Instant.now())
                .forEach(item -> dynamo.client().putItem(r -> r.tableName(customersTable).item(item)));
    }

    /** Every event appended to the outbox so far. */
    java.util.List<com.omnis.shared.events.DomainEvent> outboxEvents() {
        return dynamo.client().scan(r -> r.tableName(outboxTable)).items().stream()
                .flatMap(item -> com.omnis.shared.events.OutboxRecord.eventsOf(item).stream())
                .toList();
    }

    private static void seed(SeedTables.Writer<Product> products, SeedTables.Writer<Promotion> promotions) {
        Instant now = Instant.now();
        products.save(product(SHOES, "Trail running shoe", "shoes", 8990, true));
        products.save(product(SOCKS, "Running socks, 3 pairs", "socks", 1299, true));
        products.save(product(CAP, "Red cap", "hats", 1500, true));
        products.save(product(WITHDRAWN, "Last year's jacket", "jackets", 5000, false));
        promotions.save(new Promotion("summer-10", "Summer 10 %", Promotion.Kind.PERCENT_OFF, 10, null,
                Promotion.Target.SKU, SHOES, "SUMMER10", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        promotions.save(new Promotion("spring-50", "Spring 50 %", Promotion.Kind.PERCENT_OFF, 50, null,
                Promotion.Target.SKU, SHOES, "OLDCODE", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))));
    }

    static Product product(String sku, String name, String category, long cents, boolean active) {
        return new Product(Sku.of(sku), name, null, category, "Omnis", Money.of(cents, "EUR"), active, Instant.now());
    }

    /** The {@code Authorization} header of a signed-in customer. */
    static String bearer(String customerId) {
        return "Bearer " + DevTokens.customer(customerId);
    }

    static String expiredBearer(String customerId) {
        return "Bearer " + DevTokens.forSubject(customerId).groups(Caller.CUSTOMER)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).ttl(Duration.ofHours(1)).sign();
    }

    APIGatewayV2HTTPResponse call(SampleEvent event) {
        return handler.handleRequest(event.event(), LocalContext.forFunction("CartsFunction"));
    }

    /** A new guest cart opened on mobile: its id and token. */
    GuestCart newGuestCart() {
        JsonNode body = json(call(SampleEvent.of("carts-create-guest")));
        return new GuestCart(body.get("id").asText(), body.get("token").asText());
    }

    GuestCart guestCartWith(String sku, int quantity) {
        GuestCart cart = newGuestCart();
        APIGatewayV2HTTPResponse added = call(SampleEvent.of("carts-add-item").cart(cart.id(), cart.token())
                .body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}"));
        assertThat(added.getStatusCode()).isEqualTo(200);
        return cart;
    }

    Cart stored(String cartId) {
        return carts.find(new CartId(cartId)).orElseThrow();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }

    record GuestCart(String id, String token) {
    }
}
