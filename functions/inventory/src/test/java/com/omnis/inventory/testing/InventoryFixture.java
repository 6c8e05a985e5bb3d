package com.omnis.inventory.testing;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.inventory.Inventory;
import com.omnis.inventory.InventoryHandler;
import com.omnis.inventory.checkout.InventoryCheckout;
import com.omnis.shared.dynamo.Retry;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.MutableClock;
import com.omnis.local.SeedTables;
import com.omnis.local.TemplateTables;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Location.Address;
import com.omnis.shared.catalog.Location.LocationType;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.inventory.StockRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fresh set of inventory tables on DynamoDB Local with one warehouse and three stores, a few
 * products, a hand-driven clock, and the real handlers wired on them.
 *
 * <ul>
 *   <li>{@code wh-paris}: warehouse (delivery for web, mobile, call-center, kiosk)</li>
 *   <li>{@code store-lyon}: ships from store, click &amp; collect, same-day for postal codes 69…</li>
 *   <li>{@code store-nice}: click &amp; collect only, same-day for postal codes 06…</li>
 *   <li>{@code store-lille}: till only (no pickup, no shipping)</li>
 * </ul>
 */
public final class InventoryFixture implements AutoCloseable {

    public static final String WAREHOUSE = "wh-paris";
    public static final String LYON = "store-lyon";
    public static final String NICE = "store-nice";
    public static final String LILLE = "store-lille";
    public static final Sku TEE = Sku.of("TEE-BLUE-M");
    public static final Sku SHOE = Sku.of("SHOE-RUN-42");
    public static final Sku CAP = Sku.of("CAP-RED");

    /** Starts at the real time: DynamoDB Local's TTL deletes items whose expiry is in the real past. */
    public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    /** The inventory function's environment: table names as template.yaml resolves them locally. */
    public final Map<String, String> tables;
    public final DynamoDbClient dynamo;
    public final Inventory inventory;
    /** What the services counted (HoldsPlaced, HoldsRefused, StockMovements). */
    public final Map<String, Long> metrics = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the orders function uses: the checkout's stock parts, on the same tables and clock. */
    public final InventoryCheckout checkout;
    public final InventoryHandler handler;
    public final Http http;
    private final Function<String, Map<String, String>> environments;
    private final Runnable dropTables;

    public InventoryFixture() {
        this(Retry.standard());
    }

    public InventoryFixture(Retry retry) {
        this(EmbeddedDynamo.startWith(SamTemplate.load()), retry);
    }

    private InventoryFixture(EmbeddedDynamo local, Retry retry) {
        this(local.client(), local.enhancedClient(), local::environmentFor, local::close, retry);
    }

    /** The same on tables created elsewhere (an IT's, over HTTP); closing the fixture deletes them. */
    public static InventoryFixture on(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, TemplateTables tables) {
        return new InventoryFixture(dynamo, enhanced, tables::environmentFor, tables::close, Retry.standard());
    }

    private InventoryFixture(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced,
                             Function<String, Map<String, String>> environments, Runnable dropTables, Retry retry) {
        this.dynamo = dynamo;
        this.environments = environments;
        this.dropTables = dropTables;
        this.tables = environments.apply("InventoryFunction");
        // the catalog's tables, seeded in their layout as the demo data does: inventory only reads them
        SeedTables.Writer<Location> locations = SeedTables.locations(enhanced, tables.get("LOCATIONS_TABLE"));
        locations.save(location(WAREHOUSE, LocationType.WAREHOUSE, false, false, List.of()));
        locations.save(location(LYON, LocationType.STORE, true, true, List.of("69")));
        locations.save(location(NICE, LocationType.STORE, true, false, List.of("06")));
        locations.save(location(LILLE, LocationType.STORE, false, false, List.of()));
        SeedTables.Writer<Product> products = SeedTables.products(enhanced, tables.get("PRODUCTS_TABLE"));
        for (Sku sku : List.of(TEE, SHOE, CAP)) {
            products.save(new Product(sku, "Product " + sku, null, "apparel", "Omnis", Money.of(1999, "EUR"), true,
                    clock.instant()));
        }
        Settings settings = settings();
        this.inventory = Inventory.wire(dynamo, enhanced, settings, retry,
                (name, value) -> metrics.merge(name, value, Long::sum));
        this.checkout = InventoryCheckout.wire(dynamo, enhanced, settings);
        this.handler = new InventoryHandler(inventory);
        this.http = new Http(handler, "InventoryFunction");
    }

    /** The inventory function's settings on these tables, reading the fixture's clock. */
    public Settings settings() {
        return Settings.withOverrides(tables, name -> { }, clock, Settings::current);
    }

    /** The environment Lambda would give {@code functionId} (template.yaml) on these tables. */
    public Map<String, String> environmentFor(String functionId) {
        return environments.apply(functionId);
    }

    @Override
    public void close() {
        dropTables.run();
    }

    /** A retry policy that does not sleep: for tests without contention. */
    public static Retry eagerRetry() {
        return new Retry(40, Duration.ofMillis(1), Duration.ofMillis(1), d -> { }, RandomGenerator.getDefault());
    }

    private static Location location(String id, LocationType type, boolean pickup, boolean ship, List<String> prefixes) {
        return new Location(id, id, type, new Address("1 rue de la Paix", "75001", id, "FR"), Map.of(), pickup, ship,
                prefixes, "Europe/Paris");
    }

    /** The schedule's event, as in {@code events/schedule/}. */
    public static ScheduledEvent scheduleEvent() {
        Path file = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "schedule", "inventory-sweep.json");
        return EventLoader.loadScheduledEvent(file.toString());
    }

    // ---- reading the state left behind --------------------------------------------------------

    public StockPosition position(Sku sku, String locationId) {
        return positions(sku).getOrDefault(locationId, StockPosition.empty(sku, locationId));
    }

    public Map<String, StockPosition> positions(Sku sku) {
        return StockReader.group(sku, new DynamoStockReader(dynamo, tables.get("STOCK_TABLE"), true).records(sku));
    }

    /** Every stock record of the table (positions only). */
    public List<StockRecord> allStockRecords() {
        List<StockRecord> records = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(tables.get("STOCK_TABLE")).consistentRead(true)).items().forEach(item -> {
            if (StockItems.isPosition(item)) {
                records.add(StockItems.fromItem(item));
            }
        });
        return records;
    }

    /** Every reservation item, raw (without the shoppers' counters of open holds). */
    public List<Map<String, AttributeValue>> allReservations() {
        return allReservationItems().stream().filter(StockAudit::isReservation).toList();
    }

    /** Every item of the reservations table: reservations and shoppers' counters. */
    public List<Map<String, AttributeValue>> allReservationItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(tables.get("RESERVATIONS_TABLE")).consistentRead(true))
                .items().forEach(items::add);
        return items;
    }

    /** Every event in the outbox. */
    public List<DomainEvent> outboxEvents() {
        List<DomainEvent> events = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(tables.get("OUTBOX_TABLE")).consistentRead(true)).items()
                .forEach(item -> events.addAll(OutboxRecord.eventsOf(item)));
        events.sort(java.util.Comparator.comparing(DomainEvent::occurredAt));
        return events;
    }

    public List<DomainEvent> outboxEvents(String type) {
        return outboxEvents().stream().filter(e -> e.type().equals(type)).toList();
    }

    public int outboxItems() {
        return dynamo.scan(b -> b.tableName(tables.get("OUTBOX_TABLE")).select("COUNT")).count();
    }

    // ---- acting through the real handler ------------------------------------------------------

    public Http.Response move(Http.As as, String idempotencyKey, Map<String, Object> body) {
        Http.Request request = Http.request("POST", "/stock/movements", "/stock/movements").as(as).json(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** A receipt by ops, asserting it worked. */
    public void receive(Sku sku, String locationId, long quantity) {
        Http.Response response = move(Http.As.ops(), UUID.randomUUID().toString(),
                Map.of("type", "receipt", "sku", sku.value(), "locationId", locationId, "quantity", quantity));
        if (response.status() != 201) {
            throw new AssertionError("receipt failed: " + response);
        }
    }

    /** A hold under a fresh idempotency key. */
    public Http.Response hold(Http.As as, Object body) {
        return hold(as, UUID.randomUUID().toString(), body);
    }

    public Http.Response hold(Http.As as, String idempotencyKey, Object body) {
        Http.Request request = Http.request("POST", "/reservations", "/reservations").as(as).json(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** Committing over HTTP is for ops alone (orders commit through the checkout package). */
    public Http.Response commit(Http.As as, String id) {
        return http.send(Http.request("POST", "/reservations/{reservationId}/commit", "/reservations/" + id + "/commit")
                .path("reservationId", id).as(as));
    }

    public Http.Response release(Http.As as, String id) {
        return http.send(Http.request("DELETE", "/reservations/{reservationId}", "/reservations/" + id)
                .path("reservationId", id).as(as));
    }

    public Http.Response availability(String skus, String channel) {
        return http.send(Http.request("GET", "/availability", "/availability").query("skus", skus).query("channel", channel));
    }

    public Http.Response configure(Http.As as, Sku sku, String locationId, Object body) {
        return http.send(Http.request("PUT", "/locations/{locationId}/stock/{sku}",
                "/locations/" + locationId + "/stock/" + sku.value())
                .path("locationId", locationId).path("sku", sku.value()).as(as).json(body));
    }
}
