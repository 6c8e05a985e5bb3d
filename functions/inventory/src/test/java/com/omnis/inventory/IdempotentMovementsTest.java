package com.omnis.inventory;

import static com.omnis.inventory.StockMovementsTest.movement;
import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency-Key on stock movements, with the semantics of Powertools' idempotency utility. */
class IdempotentMovementsTest {

    private final InventoryFixture f = new InventoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void replayingAKeyWithTheSameBodyReturnsTheFirstResultAndMovesNothing() {
        // given
        Http.Response first = f.move(As.ops(), "receipt-po-77", movement("receipt", TEE, WAREHOUSE, 12));

        // when
        Http.Response replay = f.move(As.ops(), "receipt-po-77", movement("receipt", TEE, WAREHOUSE, 12));

        // then
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(12);
        assertThat(f.outboxItems()).isEqualTo(1);
    }

    @Test
    void reusingAKeyForAnotherBodyIsUnprocessableAndMovesNothing() {
        // given
        f.move(As.ops(), "receipt-po-78", movement("receipt", TEE, WAREHOUSE, 12));

        // when
        Http.Response reused = f.move(As.ops(), "receipt-po-78", movement("receipt", TEE, WAREHOUSE, 13));

        // then
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(12);
    }

    @Test
    void aKeyStillInProgressIsAConflictAndMovesNothing() {
        // given: another request holds the key (same caller, same body)
        f.move(As.ops(), "probe-key-1", movement("receipt", TEE, WAREHOUSE, 1));
        String recordId = "movement:ops-1:in-flight-1";
        String hash = f.dynamo.getItem(b -> b.tableName(f.tables.get("IDEMPOTENCY_TABLE"))
                .key(Map.of("id", AttributeValue.fromS("movement:ops-1:probe-key-1")))).item().get("validation").s();
        f.dynamo.putItem(b -> b.tableName(f.tables.get("IDEMPOTENCY_TABLE")).item(Map.of(
                "id", AttributeValue.fromS(recordId), "status", AttributeValue.fromS("INPROGRESS"),
                "validation", AttributeValue.fromS(hash),
                "expiration", AttributeValue.fromN(Long.toString(f.clock.instant().getEpochSecond() + 60)),
                "in_progress_expiration", AttributeValue.fromN(Long.toString(f.clock.instant().toEpochMilli() + 60_000)))));

        // when
        Http.Response duplicate = f.move(As.ops(), "in-flight-1", movement("receipt", TEE, WAREHOUSE, 1));

        // then
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("type").asText()).endsWith("/idempotency-in-progress");
        assertThat(duplicate.headers()).containsEntry("Retry-After", "1");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesMoveTheUnitsExactlyOnce() throws Exception {
        // when: 20 threads send the same receipt with the same key
        List<Http.Response> responses = ReservationConcurrencyTest.concurrently(20,
                i -> () -> f.move(As.ops(), "receipt-po-79", movement("receipt", TEE, WAREHOUSE, 5)));

        // then: one applied it; the others replayed its result or were told it is in progress
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(responses).filteredOn(r -> r.status() == 201).extracting(r -> r.body().get("movementId").asText())
                .containsOnly(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                        .body().get("movementId").asText());
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(5);
        assertThat(f.outboxItems()).isEqualTo(1);
    }

    @Test
    void aMovementThatFailedCanBeRetriedWithTheSameKeyOnceTheStockIsThere() {
        // given: selling what is not there fails
        Http.Response failed = f.move(As.staff(LYON), "till-1-ticket-9", movement("sale", TEE, LYON, 1));
        f.receive(TEE, LYON, 1);

        // when
        Http.Response retried = f.move(As.staff(LYON), "till-1-ticket-9", movement("sale", TEE, LYON, 1));

        // then
        assertThat(failed.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(f.position(TEE, LYON).onHand()).isZero();
    }

    @Test
    void keysAreScopedToTheCaller() {
        // when: two store employees happen to use the same key
        Http.Response lyon = f.move(As.staff(LYON), "ticket-1", movement("receipt", TEE, LYON, 1));
        Http.Response nice = f.move(As.staff(InventoryFixture.NICE), "ticket-1",
                movement("receipt", TEE, InventoryFixture.NICE, 1));

        // then
        assertThat(lyon.status()).isEqualTo(201);
        assertThat(nice.status()).isEqualTo(201);
        assertThat(f.position(TEE, InventoryFixture.NICE).onHand()).isEqualTo(1);
    }

    @Test
    void aMovementWithoutAnIdempotencyKeyIsRejected() {
        // when
        Http.Response response = f.move(As.ops(), null, movement("receipt", TEE, WAREHOUSE, 1));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("header Idempotency-Key");
        assertThat(f.allStockRecords()).isEmpty();
    }
}
