package com.omnis.orders.testing;

import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.MutableClock;
import com.omnis.local.template.SamTemplate;
import com.omnis.orders.Orders;
import com.omnis.orders.OrdersHandler;
import com.omnis.shared.catalog.LocationItems;
import com.omnis.shared.catalog.ProductItems;
import com.omnis.shared.catalog.PromotionItems;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Location.Address;
import com.omnis.shared.catalog.Location.LocationType;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.http.TokenVerifier;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.inventory.StockSeed;
import com.omnis.shared.metrics.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The template's tables on DynamoDB Local with a warehouse and three stores, a few products and a
 * promotion, a hand-driven clock, and the real orders handler wired on them. Carts are written in the
 * carts table's layout (what carts' checkout read returns).
 *
 * <ul>
 *   <li>{@code wh-paris}: warehouse</li>
 *   <li>{@code store-lyon}: click &amp; collect, ships from store, same-day for 69…</li>
 *   <li>{@code store-nice}: click &amp; collect only</li>
 *   <li>{@code store-lille}: till only</li>
 * </ul>
 */
public final class OrdersFixture implements AutoCloseable {

    public static final String WAREHOUSE = "wh-paris";
    public static final String LYON = "store-lyon";
    public static final String NICE = "store-nice";
    public static final String LILLE = "store-lille";
    public static final Sku TEE = Sku.of("TEE-BLUE-M");
    public static final Sku SHOE = Sku.of("SHOE-RUN-42");
    public static final Sku CAP = Sku.of("CAP-RED");
    public static final String WEBHOOK_SECRET = "test-payment-webhook-secret";

    public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    public final Map<String, String> env;
    public final DynamoDbClient dynamo;
    public final Orders orders;
    public final Http http;
    private final EmbeddedDynamo local;

    public OrdersFixture() {
        this(new Retry(60, Duration.ofMillis(2), Duration.ofMillis(50), d -> Thread.sleep(d), RandomGenerator.getDefault()));
    }

    public OrdersFixture(Retry retry) {
        this(retry, java.util.function.UnaryOperator.identity());
    }

    /** {@code wrap} sees every call the orders function makes to DynamoDB (to count a checkout's actions). */
    public OrdersFixture(Retry retry, java.util.function.UnaryOperator<DynamoDbClient> wrap) {
        local = EmbeddedDynamo.startWith(SamTemplate.load());
        dynamo = local.client();
        Map<String, String> environment = new HashMap<>(local.environmentFor("OrdersFunction"));
        environment.put("PAYMENT_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env = Map.copyOf(environment);
        var enhanced = local.enhancedClient();
        var locations = enhanced.table(env.get("LOCATIONS_TABLE"), LocationItems.SCHEMA);
        locations.putItem(LocationItems.toDocument(location(WAREHOUSE, LocationType.WAREHOUSE, false, false, List.of())));
        locations.putItem(LocationItems.toDocument(location(LYON, LocationType.STORE, true, true, List.of("69"))));
        locations.putItem(LocationItems.toDocument(location(NICE, LocationType.STORE, true, false, List.of("06"))));
        locations.putItem(LocationItems.toDocument(location(LILLE, LocationType.STORE, false, false, List.of())));
        var products = enhanced.table(env.get("PRODUCTS_TABLE"), ProductItems.SCHEMA);
        products.putItem(ProductItems.toDocument(new Product(TEE, "Blue tee", null, "apparel", "Omnis", Money.of(1999, "EUR"), true, clock.instant())));
        products.putItem(ProductItems.toDocument(new Product(SHOE, "Running shoe", null, "shoes", "Omnis", Money.of(3333, "EUR"), true, clock.instant())));
        products.putItem(ProductItems.toDocument(new Product(CAP, "Red cap", null, "apparel", "Omnis", Money.of(1000, "EUR"), true, clock.instant())));
        enhanced.table(env.get("PROMOTIONS_TABLE"), PromotionItems.SCHEMA).putItem(PromotionItems.toDocument(com.omnis.shared.json.Json.read("""
                {"promotionId": "promo-shoe-10", "name": "10 EUR off the shoe", "kind": "amount-off",
                 "amountOff": {"amount": 1000, "currency": "EUR"}, "target": "sku", "targetValue": "SHOE-RUN-42",
                 "validFrom": "2020-01-01T00:00:00Z", "validUntil": "2040-01-01T00:00:00Z"}""", Promotion.class)));
        orders = Orders.wire(wrap.apply(dynamo), enhanced, Settings.of(env), clock, retry, Metrics.NONE);
        http = new Http(new OrdersHandler(orders, TokenVerifier.NONE), "OrdersFunction");
    }

    @Override
    public void close() {
        local.close();
    }

    private static Location location(String id, LocationType type, boolean pickup, boolean ship, List<String> prefixes) {
        return new Location(id, id, type, new Address("1 rue de la Paix", "75001", id, "FR"), Map.of(), pickup, ship,
                prefixes, "Europe/Paris");
    }

    // ---- state ---------------------------------------------------------------------------------

    public void stock(Sku sku, String locationId, long onHand) {
        dynamo.putItem(b -> b.tableName(env.get("STOCK_TABLE"))
                .item(StockItems.toItem(new StockSeed(sku, locationId, onHand, Map.of()).toRecord(clock.instant()))));
    }

    /** A product priced 10.00 EUR, for carts of many lines. */
    public Sku product(String sku) {
        Sku id = Sku.of(sku);
        local.enhancedClient().table(env.get("PRODUCTS_TABLE"), ProductItems.SCHEMA).putItem(ProductItems.toDocument(
                new Product(id, sku, null, "bulk", "Omnis", Money.of(1000, "EUR"), true, clock.instant())));
        return id;
    }

    public StockPosition position(Sku sku, String locationId) {
        return StockReader.group(sku, new DynamoStockReader(dynamo, env.get("STOCK_TABLE"), true).records(sku))
                .getOrDefault(locationId, StockPosition.empty(sku, locationId));
    }

    /** A customer's active cart with these lines, written by carts' own repository. */
    public String cart(String customerId, Map<Sku, Integer> lines) {
        var carts = new com.omnis.carts.dynamo.DynamoCartRepository(dynamo, env.get("CARTS_TABLE"));
        var id = com.omnis.carts.domain.CartId.random();
        Instant at = clock.instant();
        var empty = com.omnis.carts.domain.Cart.newCustomer(id, com.omnis.shared.domain.CustomerId.of(customerId), "EUR",
                com.omnis.shared.domain.Channel.WEB, at);
        List<com.omnis.carts.domain.CartLine> cartLines = new ArrayList<>();
        lines.forEach((sku, quantity) -> cartLines.add(new com.omnis.carts.domain.CartLine(sku,
                com.omnis.shared.domain.Quantity.of(quantity), Money.of(1000, "EUR"), at)));
        var cart = new com.omnis.carts.domain.Cart(id, empty.owner(), "EUR", empty.status(), cartLines, Map.of(),
                empty.channels(), 3, at, at, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        if (!carts.insertCustomerCart(cart, carts.findCustomerCart(com.omnis.shared.domain.CustomerId.of(customerId))
                .map(com.omnis.carts.domain.Cart::id))) {
            throw new IllegalStateException("cart not inserted");
        }
        return id.value();
    }

    /** A guest's cart with these lines; answers {cartId, token}. */
    public String[] guestCart(Map<Sku, Integer> lines) {
        var carts = new com.omnis.carts.dynamo.DynamoCartRepository(dynamo, env.get("CARTS_TABLE"));
        var id = com.omnis.carts.domain.CartId.random();
        String token = com.omnis.carts.domain.CartToken.generate();
        Instant at = clock.instant();
        var empty = com.omnis.carts.domain.Cart.newGuest(id, com.omnis.carts.domain.CartToken.hash(token), "EUR",
                com.omnis.shared.domain.Channel.MOBILE, at);
        List<com.omnis.carts.domain.CartLine> cartLines = new ArrayList<>();
        lines.forEach((sku, quantity) -> cartLines.add(new com.omnis.carts.domain.CartLine(sku,
                com.omnis.shared.domain.Quantity.of(quantity), Money.of(1000, "EUR"), at)));
        carts.insertGuestCart(new com.omnis.carts.domain.Cart(id, empty.owner(), "EUR", empty.status(), cartLines, Map.of(),
                empty.channels(), 2, at, at, empty.expiresAt(), java.util.Optional.empty(), java.util.Optional.empty()));
        return new String[]{id.value(), token};
    }

    public String cartStatus(String cartId) {
        return dynamo.getItem(b -> b.tableName(env.get("CARTS_TABLE")).key(Map.of("cartId", AttributeValue.fromS(cartId)))
                .consistentRead(true)).item().get("status").s();
    }

    /** Every order item of the orders table. */
    public int orderCount() {
        int[] count = {0};
        dynamo.scanPaginator(b -> b.tableName(env.get("ORDERS_TABLE")).consistentRead(true)).items().forEach(item -> {
            if (item.get("sk").s().equals("order")) {
                count[0]++;
            }
        });
        return count[0];
    }

    public List<DomainEvent> outboxEvents(String type) {
        List<DomainEvent> events = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(env.get("OUTBOX_TABLE")).consistentRead(true)).items()
                .forEach(item -> events.addAll(OutboxRecord.eventsOf(item)));
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    // ---- requests --------------------------------------------------------------------------------

    public Http.Response checkout(Http.As as, String key, Map<String, Object> body) {
        Http.Request request = Http.request("POST", "/orders", "/orders").as(as).header("X-Channel", "web").json(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }

    public static Map<String, Object> pickup(String cartId, String store) {
        return Map.of("cartId", cartId, "fulfilment", Map.of("method", "pickup", "locationId", store),
                "payment", Map.of("method", "card", "reference", "pay-" + UUID.randomUUID()));
    }

    public static Map<String, Object> delivery(String cartId, String reference) {
        return Map.of("cartId", cartId, "fulfilment", Map.of("method", "delivery", "address",
                        Map.of("line1", "1 rue de Rivoli", "postalCode", "75001", "city", "Paris", "country", "FR")),
                "payment", Map.of("method", "card", "reference", reference));
    }

    public Http.Response get(Http.As as, String orderId) {
        return http.send(Http.request("GET", "/orders/{orderId}", "/orders/" + orderId).path("orderId", orderId).as(as));
    }

    public Http.Response event(Http.As as, String orderId, String fulfilmentId, String type) {
        return http.send(Http.request("POST", "/orders/{orderId}/fulfilments/{fulfilmentId}/events",
                "/orders/" + orderId + "/fulfilments/" + fulfilmentId + "/events").path("orderId", orderId)
                .path("fulfilmentId", fulfilmentId).as(as).json(Map.of("type", type)));
    }

    public Http.Response post(Http.As as, String route, Map<String, String> path, Object body) {
        String raw = route;
        for (Map.Entry<String, String> p : path.entrySet()) {
            raw = raw.replace("{" + p.getKey() + "}", p.getValue());
        }
        Http.Request request = Http.request("POST", route, raw).as(as).header("X-Channel", "web");
        path.forEach(request::path);
        if (body != null) {
            request.json(body);
        }
        return http.send(request);
    }
}
