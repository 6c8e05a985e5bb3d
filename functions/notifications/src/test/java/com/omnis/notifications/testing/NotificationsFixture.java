package com.omnis.notifications.testing;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.SeedTables;
import com.omnis.local.lambda.LocalContext;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.testing.MutableClock;
import com.omnis.notifications.Notifications;
import com.omnis.notifications.NotificationsHandler;
import com.omnis.notifications.dynamo.DynamoMessageStore;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockSeed;
import com.omnis.shared.json.Json;
import com.omnis.shared.metrics.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.joda.time.DateTime;

/**
 * The notifications function on DynamoDB Local (the template's tables), with the customers context in
 * memory ({@link FakeCustomers}), senders that record ({@link Outbox}), a hand-driven clock, one store
 * (Paris Opéra, with its hours) and two products.
 */
public final class NotificationsFixture implements AutoCloseable {

    public static final String PARIS_OPERA = "store-paris-opera";
    public static final Sku TEE = Sku.of("TEE-BLUE-M");
    public static final Sku SHOE = Sku.of("SHOE-RUN-42");
    /** A Monday in January (Paris is UTC+1, the Canary Islands UTC+0), in the future so that TTLs keep the items. */
    public static final Instant MONDAY_MORNING = Instant.parse("2027-01-18T10:00:00Z");

    public final MutableClock clock = new MutableClock(MONDAY_MORNING);
    public final FakeCustomers customers = new FakeCustomers();
    public final Outbox outbox = new Outbox();
    public final Map<String, String> environment;
    public final Notifications notifications;
    public final NotificationsHandler handler;
    public final DynamoMessageStore store;
    final EmbeddedDynamo local;

    public NotificationsFixture() {
        local = EmbeddedDynamo.startWith(SamTemplate.load());
        environment = local.environmentFor("NotificationsFunction");
        notifications = Notifications.wire(local.client(), local.enhancedClient(), Settings.of(environment), customers,
                outbox, outbox, clock, Metrics.NONE, java.util.Optional.of(environment.get("OUTBOX_TABLE")));
        handler = new NotificationsHandler(notifications);
        store = new DynamoMessageStore(local.client(), environment.get("MESSAGES_TABLE"));
        SeedTables.locations(local.enhancedClient(), environment.get("LOCATIONS_TABLE")).save(new Location(PARIS_OPERA,
                "Omnis Paris Opéra", Location.LocationType.STORE,
                new Location.Address("24 boulevard des Capucines", "75009", "Paris", "FR"),
                Map.of("mon", "10:00-20:00", "tue", "10:00-20:00", "wed", "10:00-20:00", "thu", "10:00-20:00",
                        "fri", "10:00-20:00", "sat", "10:00-20:00", "sun", "closed"),
                true, false, List.of(), "Europe/Paris"));
        var products = SeedTables.products(local.enhancedClient(), environment.get("PRODUCTS_TABLE"));
        products.save(new Product(TEE, "T-shirt <Bleu> & Co", null, "apparel", "Omnis", Money.of(1500, "EUR"), true, MONDAY_MORNING));
        products.save(new Product(SHOE, "Running shoe 42", null, "shoes", "Omnis", Money.of(9999, "EUR"), true, MONDAY_MORNING));
    }

    /** Puts {@code units} of {@code sku} on hand at the store (it serves the web shop). */
    public void stock(Sku sku, long units) {
        local.client().putItem(r -> r.tableName(environment.get("STOCK_TABLE"))
                .item(StockItems.toItem(new StockSeed(sku, PARIS_OPERA, units, Map.of()).toRecord(clock.instant()))));
    }

    /** {@code customerId} saved {@code sku} at {@code at}, seeing {@code price}: written in the customers' layout. */
    public void saved(String customerId, Sku sku, Instant at, Money price) {
        local.client().putItem(r -> r.tableName(environment.get("CUSTOMERS_TABLE")).item(com.omnis.shared.customer.CustomerItems
                .toItem(new com.omnis.shared.customer.SavedItem(com.omnis.shared.domain.CustomerId.of(customerId), sku, at,
                        com.omnis.shared.domain.Channel.WEB, price, 0))));
    }

    /** The DynamoDB Local client, for the tests that look at what the tables hold. */
    public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo() {
        return local.client();
    }

    /** Delivers {@code event} to the handler as EventBridge would. */
    public NotificationsHandler.Report deliver(ScheduledEvent event) {
        return handler.handleRequest(event, LocalContext.forFunction("NotificationsFunction"));
    }

    /** A sample of the test resources' {@code events/}, as its rule's target receives it. */
    public static ScheduledEvent event(String name) {
        return event(name, data -> { });
    }

    /** The sample with its {@code detail.data} changed (another customer, another event id…). */
    public static ScheduledEvent event(String name, Consumer<ObjectNode> patch) {
        JsonNode wire = read("events/" + name + ".json");
        ObjectNode detail = (ObjectNode) wire.path("detail");
        if (detail.has("data")) {
            patch.accept((ObjectNode) detail.get("data"));
        } else {
            patch.accept(detail);
        }
        return scheduledEvent(wire);
    }

    /** An inventory event of the repository's {@code events/bus/} (inventory publishes them today). */
    public static ScheduledEvent busEvent(String name, Consumer<ObjectNode> patch) {
        JsonNode wire;
        try {
            wire = Json.MAPPER.readTree(Files.readString(Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "bus",
                    name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        patch.accept((ObjectNode) wire.path("detail"));
        return scheduledEvent(wire);
    }

    /** An EventBridge event as its JSON reads, as the rule's target receives it. */
    @SuppressWarnings("unchecked")
    public static ScheduledEvent scheduledEvent(JsonNode wire) {
        ScheduledEvent event = new ScheduledEvent();
        event.setId(wire.path("id").asText());
        event.setSource(wire.path("source").asText());
        event.setDetailType(wire.path("detail-type").asText());
        event.setAccount(wire.path("account").asText());
        event.setRegion(wire.path("region").asText());
        event.setTime(new DateTime(Instant.parse(wire.path("time").asText()).toEpochMilli()));
        event.setResources(List.of());
        event.setDetail(Json.MAPPER.convertValue(wire.path("detail"), Map.class));
        return event;
    }

    public static JsonNode read(String resource) {
        try (var in = NotificationsFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        local.close();
    }
}
