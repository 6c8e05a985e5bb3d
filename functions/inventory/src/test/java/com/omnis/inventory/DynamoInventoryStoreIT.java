package com.omnis.inventory;

import static com.omnis.inventory.StockMovementsTest.movement;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.inventory.domain.StockEvents;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.local.TemplateTables;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The inventory and idempotency stores over HTTP, through the client {@link AwsClients} builds for
 * Lambda, on the inventory function's tables created as template.yaml declares them: DynamoDB Local
 * in CI, any DynamoDB otherwise. Each change and its outbox item commit in one transaction.
 */
class DynamoInventoryStoreIT {

    private final AwsClients aws = new AwsClients(AwsEndpoints.settingsFor("dynamodb"));
    private final DynamoDbClient client = aws.dynamoDb();
    private final InventoryFixture f = InventoryFixture.on(client, aws.dynamoDbEnhanced(client),
            TemplateTables.create(client, SamTemplate.load(), AwsEndpoints::uniqueName, "StockTable", "ReservationsTable",
                    "IdempotencyTable", "OutboxTable", "LocationsTable", "ProductsTable"));

    @AfterEach
    void deleteTables() {
        f.close();
        client.close();
    }

    @Test
    void aReceiptIsStoredWithItsOutboxItemAndItsReplayReturnsTheFirstResultWithoutMovingStock() {
        // when
        Http.Response first = f.move(As.ops(), "receipt-po-77", movement("receipt", TEE, WAREHOUSE, 12));
        Http.Response replay = f.move(As.ops(), "receipt-po-77", movement("receipt", TEE, WAREHOUSE, 12));

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(12);
        assertThat(f.outboxItems()).isEqualTo(1);
        assertThat(f.outboxEvents(StockEvents.STOCK_CHANGED)).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo(StockEvents.SOURCE);
            assertThat(event.subject()).isEqualTo("stock/" + TEE.value() + "/" + WAREHOUSE);
        });
    }

    @Test
    void aHoldReservesStockAndItsCommitSellsItEachWithItsOutboxItem() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        int outboxAfterReceipt = f.outboxItems();

        // when
        Http.Response held = f.hold(As.customer("customer-1"), Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 3, "locationId", WAREHOUSE))));
        String id = held.body().get("id").asText();
        var reserved = f.position(TEE, WAREHOUSE);
        Http.Response committed = f.commit(As.ops(), id);

        // then
        assertThat(held.status()).isEqualTo(201);
        assertThat(reserved.onHand()).isEqualTo(10);
        assertThat(reserved.reserved()).isEqualTo(3);
        assertThat(committed.status()).isEqualTo(200);
        assertThat(committed.body().get("status").asText()).isEqualTo("committed");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(7);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).ledger().sold()).isEqualTo(3);
        assertThat(f.outboxItems()).isEqualTo(outboxAfterReceipt + 2);
    }
}
