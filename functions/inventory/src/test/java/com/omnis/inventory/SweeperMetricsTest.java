package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.inventory.dynamo.DynamoInventoryStore;
import com.omnis.inventory.service.InventoryStore;
import com.omnis.inventory.service.ReservationService;
import com.omnis.local.testing.Http;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.local.lambda.LocalContext;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.json.Json;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.EmfMetrics;
import com.omnis.shared.metrics.Metrics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The sweeper no longer only logs a hold it could not expire: it counts it. */
class SweeperMetricsTest {

    private final InventoryFixture f = new InventoryFixture(InventoryFixture.eagerRetry());
    private final List<String> documents = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    /** The sweeper on the fixture's tables, over a store whose writes fail (DynamoDB unreachable, say). */
    private InventorySweeperHandler sweeperWhoseWritesFail() {
        Map<String, String> tables = f.environmentFor("InventorySweeperFunction");
        InventoryStore real = new DynamoInventoryStore(f.dynamo, new DynamoInventoryStore.Tables(tables.get("STOCK_TABLE"),
                tables.get("RESERVATIONS_TABLE"), tables.get("OUTBOX_TABLE")));
        InventoryStore failingWrites = (InventoryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InventoryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("write")) {
                        throw new IllegalStateException("DynamoDB is unreachable");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CachedLocations locations = new CachedLocations(new DynamoLocationRepository(
                DynamoDbEnhancedClient.builder().dynamoDbClient(f.dynamo).build(), tables.get("LOCATIONS_TABLE")),
                f.clock, Duration.ofMinutes(1));
        ReservationService reservations = ReservationService.expiryOnly(failingWrites, locations, f.clock,
                InventoryFixture.eagerRetry(), RandomGenerator.getDefault(), Metrics.NONE);
        return EmfMetrics.writingTo(documents::add, () -> Settings.withOverrides(tables,
                () -> new InventorySweeperHandler(reservations, Invocation.of(Settings.current()))));
    }

    @Test
    void aHoldTheSweeperCannotExpireIsCountedAsASweepFailureOfTheSweepersService() {
        // given: a hold whose time is up
        f.receive(TEE, WAREHOUSE, 4);
        Http.Response hold = f.hold(Http.As.customer("customer-1"), Map.of("channel", "web", "ttlSeconds", 60,
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1))));
        assertThat(hold.status()).isEqualTo(201);
        f.clock.advance(Duration.ofMinutes(2));

        // when: the sweep cannot write
        InventorySweeperHandler.Report report = sweeperWhoseWritesFail().handleRequest(InventoryFixture.scheduleEvent(),
                LocalContext.forFunction("InventorySweeperFunction"));

        // then: nothing expired, the failure is counted once for the run, under the sweeper's own service
        assertThat(report.expired()).isZero();
        assertThat(documents).singleElement().satisfies(line -> {
            JsonNode document = Json.read(line, JsonNode.class);
            assertThat(document.path("Service").asText()).isEqualTo("inventory-sweeper");
            assertThat(document.path(InventorySweeperHandler.SWEEP_FAILURES).asDouble()).isEqualTo(1.0);
        });
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(1);
    }
}
