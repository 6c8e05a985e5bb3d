package com.omnis.catalog.dynamo;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.catalog.testing.CatalogTables;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockSeed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The shared stock reader the catalog's product pages and every availability answer read through. */
class DynamoStockReaderTest {

    private static final List<Sku> PAGE = IntStream.range(0, 5).mapToObj(i -> Sku.of("ITEM-%03d".formatted(i))).toList();

    private final CatalogTables tables = new CatalogTables();

    @AfterEach
    void dropTables() {
        tables.close();
    }

    /** The real client, except that each query waits until {@code arrivals} queries have been sent. */
    private static final class RendezvousClient implements DynamoDbClient {
        private final DynamoDbClient real;
        private final CountDownLatch arrivals;
        final AtomicInteger queries = new AtomicInteger();

        RendezvousClient(DynamoDbClient real, int arrivals) {
            this.real = real;
            this.arrivals = new CountDownLatch(arrivals);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            queries.incrementAndGet();
            arrivals.countDown();
            try {
                if (!arrivals.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("queries were sent one after another, not in one round");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return real.query(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPageOfSkusIsReadInOneRoundOfConcurrentQueries() {
        // given
        PAGE.forEach(sku -> tables.seed(new StockSeed(sku, "wh-central", 10 + PAGE.indexOf(sku), Map.of()), NOW));
        RendezvousClient client = new RendezvousClient(tables.dynamo.client(), PAGE.size());
        DynamoStockReader reader = new DynamoStockReader(client, tables.environment.get("STOCK_TABLE"), false);

        // when: every query blocks until all five are in flight, so a sequential reader would fail
        Map<Sku, Map<String, StockPosition>> positions = reader.positions(PAGE);

        // then
        assertThat(client.queries).hasValue(5);
        assertThat(positions.keySet()).containsExactlyElementsOf(PAGE);
        assertThat(positions.get(Sku.of("ITEM-003")).get("wh-central").onHand()).isEqualTo(13);
    }

    @Test
    void aSkuNobodyStocksMapsToNoPositionsAndRepeatedSkusAreReadOnce() {
        // given
        tables.seed(new StockSeed(Sku.of("ITEM-000"), "wh-central", 4, Map.of()), NOW);
        RendezvousClient client = new RendezvousClient(tables.dynamo.client(), 2);
        DynamoStockReader reader = new DynamoStockReader(client, tables.environment.get("STOCK_TABLE"), false);

        // when
        var positions = reader.positions(List.of(Sku.of("ITEM-000"), Sku.of("NOPE-1"), Sku.of("ITEM-000")));

        // then
        assertThat(client.queries).hasValue(2);
        assertThat(positions.get(Sku.of("NOPE-1"))).isEmpty();
        assertThat(positions.get(Sku.of("ITEM-000")).get("wh-central").onHand()).isEqualTo(4);
    }

    @Test
    void aFailedQueryFailsTheReadWithItsOwnException() {
        DynamoStockReader reader = new DynamoStockReader(tables.dynamo.client(), "no-such-table", false);

        assertThatThrownBy(() -> reader.positions(PAGE)).isInstanceOf(ResourceNotFoundException.class);
    }
}
