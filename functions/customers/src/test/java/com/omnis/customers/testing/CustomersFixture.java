package com.omnis.customers.testing;

import com.omnis.customers.Customers;
import com.omnis.customers.CustomersEventsHandler;
import com.omnis.customers.CustomersHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.order.OrderLayout;
import java.util.UUID;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.testing.Http;
import com.omnis.local.SeedTables;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Location.Address;
import com.omnis.shared.catalog.Location.LocationType;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.config.Settings;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.customer.DynamoCustomerDirectory;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockSeed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The template's tables on DynamoDB Local with a small catalog (a warehouse serving the web, a store,
 * three products, one automatic promotion, some stock), a hand-driven clock (at NOW until a test moves it), and the real handler wired on them.
 */
public final class CustomersFixture implements AutoCloseable {

    public static final Sku TEE = Sku.of("TEE-BLUE-M");
    public static final Sku SHOE = Sku.of("SHOE-RUN-42");
    public static final Sku CAP = Sku.of("CAP-RED");
    public static final String WAREHOUSE = "wh-paris";
    public static final String STORE = "store-lyon";
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public final com.omnis.local.testing.MutableClock clock = new com.omnis.local.testing.MutableClock(NOW);
    public final EmbeddedDynamo local = EmbeddedDynamo.startWith(SamTemplate.load());
    public final Map<String, String> tables = local.environmentFor("CustomersFunction");
    public final DynamoDbClient dynamo = local.client();
    public final Customers customers = Customers.wire(dynamo, local.enhancedClient(), Settings.of(tables), clock, eagerRetry());
    public final Http http = new Http(new CustomersHandler(customers), "CustomersFunction");
    public final CustomersEventsHandler events = new CustomersEventsHandler(customers);
    public final DynamoCustomerDirectory directory = new DynamoCustomerDirectory(dynamo, tables.get("CUSTOMERS_TABLE"));

    public CustomersFixture() {
        var enhanced = local.enhancedClient();
        var locations = SeedTables.locations(enhanced, tables.get("LOCATIONS_TABLE"));
        locations.save(location(WAREHOUSE, LocationType.WAREHOUSE, false));
        locations.save(location(STORE, LocationType.STORE, true));
        var products = SeedTables.products(enhanced, tables.get("PRODUCTS_TABLE"));
        products.save(new Product(TEE, "Tee", null, "apparel", "Omnis", Money.of(1999, "EUR"), true, NOW));
        products.save(new Product(SHOE, "Running shoe", null, "shoes", "Omnis", Money.of(12999, "EUR"), true, NOW));
        products.save(new Product(CAP, "Cap", null, "apparel", "Omnis", Money.of(999, "EUR"), false, NOW));
        // the product page shows the tee at 10 % off: a saved tee keeps 1799
        SeedTables.promotions(enhanced, tables.get("PROMOTIONS_TABLE")).save(new Promotion("promo-tees",
                "Tees 10 %", Promotion.Kind.PERCENT_OFF, 10, null, Promotion.Target.SKU, TEE.value(), null,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7))));
        stock(TEE, WAREHOUSE, 7);
        stock(TEE, STORE, 3);
    }

    public void stock(Sku sku, String locationId, long onHand) {
        dynamo.putItem(b -> b.tableName(tables.get("STOCK_TABLE"))
                .item(StockItems.toItem(new StockSeed(sku, locationId, onHand, Map.of()).toRecord(NOW))));
    }

    @Override
    public void close() {
        local.close();
    }

    /** No sleeping between attempts: these tests race only where they say so. */
    public static Retry eagerRetry() {
        return new Retry(40, Duration.ofMillis(1), Duration.ofMillis(2), d -> Thread.sleep(d.toMillis()),
                RandomGenerator.getDefault());
    }

    private static Location location(String id, LocationType type, boolean pickup) {
        return new Location(id, id, type, new Address("1 rue de la Paix", "75001", id, "FR"), Map.of(), pickup, false,
                List.of(), "Europe/Paris");
    }

    // ---- the state left behind

    /** Every event in the outbox, oldest first. */
    public List<DomainEvent> outboxEvents() {
        List<DomainEvent> events = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(tables.get("OUTBOX_TABLE")).consistentRead(true)).items()
                .forEach(item -> events.addAll(OutboxRecord.eventsOf(item)));
        events.sort(Comparator.comparing(DomainEvent::occurredAt));
        return events;
    }

    /** Every item of the customers table, raw. */
    public List<Map<String, AttributeValue>> customerItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(tables.get("CUSTOMERS_TABLE")).consistentRead(true)).items()
                .forEach(items::add);
        return items;
    }

    public List<String> itemsOf(String customerId) {
        return customerItems().stream().filter(i -> i.get(CustomerItems.CUSTOMER_ID).s().equals(customerId))
                .map(i -> i.get(CustomerItems.ITEM).s()).sorted().toList();
    }

    /** An order as the orders function stores it (its layout in shared.order.OrderLayout). */
    public void order(String orderId, String number, String status, Instant updatedAt, List<Object> returns) {
        order(orderId, number, status, updatedAt, returns, List.of());
    }

    /** The same, with claims ({@code {claimId, status}}: "delivery not received" opened by the customer). */
    public void order(String orderId, String number, String status, Instant updatedAt, List<Object> returns,
                      List<Object> claims) {
        Map<String, Object> doc = new java.util.HashMap<>(Map.of("orderId", orderId, "number", number, "channel", "web",
                "customerId", "customer-42", "contact", Map.of("email", "camille@example.fr", "name", "Camille Martin"),
                "placedAt", updatedAt.minus(Duration.ofDays(1)).toString(), "updatedAt", updatedAt.toString(),
                "returns", returns, "fulfilments", List.of(), "totals", Map.of("total", Map.of("amount", 1999, "currency", "EUR"))));
        doc.put("claims", claims);
        dynamo.putItem(b -> b.tableName(tables.get("ORDERS_TABLE")).item(Map.of(
                OrderLayout.PK, AttributeValue.fromS("order#" + orderId), OrderLayout.SK, AttributeValue.fromS("order"),
                OrderLayout.DOC, AttributeValue.fromS(Json.write(doc)), OrderLayout.STATUS, AttributeValue.fromS(status),
                OrderLayout.NUMBER, AttributeValue.fromS(number),
                OrderLayout.CUSTOMER_KEY, AttributeValue.fromS(OrderLayout.customerKey("customer-42")),
                OrderLayout.PLACED_KEY, AttributeValue.fromS(updatedAt + "#" + orderId))));
    }

    // ---- events through the real events handler

    /** Delivers {@code type} from {@code source} with {@code data} as the bus would; answers what the projection did. */
    public String deliver(String source, String type, Instant occurredAt, Map<String, Object> data) {
        return deliver(new DomainEvent(UUID.randomUUID().toString(), type, source, occurredAt, "test/" + type,
                Json.MAPPER.valueToTree(data), "corr-test"));
    }

    public String deliver(DomainEvent event) {
        ScheduledEvent bus = new ScheduledEvent();
        bus.setSource(event.source());
        bus.setDetailType(event.type());
        bus.setId(UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = Json.MAPPER.convertValue(event, Map.class);
        bus.setDetail(detail);
        return events.handleRequest(bus, null).outcome();
    }

    // ---- calls through the real handler

    public Http.Response getMe(Http.As as) {
        return http.send(Http.request("GET", "/me", "/me").as(as));
    }

    public Http.Response patchMe(Http.As as, Object body) {
        return http.send(Http.request("PATCH", "/me", "/me").as(as).header("X-Channel", "web").json(body));
    }

    public Http.Response consents(Http.As as) {
        return http.send(Http.request("GET", "/me/consents", "/me/consents").as(as));
    }

    public Http.Response stateConsent(Http.As as, String channel, Object body) {
        return http.send(Http.request("PUT", "/me/consents", "/me/consents").as(as).header("X-Channel", channel).json(body));
    }

    public Http.Response savedItems(Http.As as) {
        return http.send(Http.request("GET", "/me/saved-items", "/me/saved-items").as(as));
    }

    public Http.Response save(Http.As as, String channel, String sku) {
        return http.send(Http.request("PUT", "/me/saved-items/{sku}", "/me/saved-items/" + sku).path("sku", sku)
                .as(as).header("X-Channel", channel));
    }

    public Http.Response unsave(Http.As as, String channel, String sku) {
        return http.send(Http.request("DELETE", "/me/saved-items/{sku}", "/me/saved-items/" + sku).path("sku", sku)
                .as(as).header("X-Channel", channel));
    }
}
