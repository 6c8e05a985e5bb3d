package com.omnis.inventory;

import static com.omnis.inventory.StockMovementsTest.movement;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.shared.json.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stored idempotent result read back after a deploy added a field to it: still a replay, never a 500. */
class StoredResultsTest {

    private final InventoryFixture f = new InventoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aStoredResultWithAFieldThisVersionDoesNotKnowIsReplayed() {
        // given: a movement done, its stored result then rewritten by a newer deploy with an extra field
        Http.Response first = f.move(As.ops(), "receipt-po-90", movement("receipt", TEE, WAREHOUSE, 12));
        String table = f.environmentFor("InventoryFunction").get("IDEMPOTENCY_TABLE");
        Map<String, AttributeValue> stored = f.dynamo.scan(b -> b.tableName(table)).items().getFirst();
        ObjectNode result = (ObjectNode) Json.read(stored.get("data").s(), JsonNode.class);
        result.put("addedByALaterDeploy", "anything");
        f.dynamo.updateItem(b -> b.tableName(table).key(Map.of("id", stored.get("id")))
                .updateExpression("SET #data = :data")
                .expressionAttributeNames(Map.of("#data", "data"))
                .expressionAttributeValues(Map.of(":data", AttributeValue.fromS(Json.write(result)))));

        // when
        Http.Response replay = f.move(As.ops(), "receipt-po-90", movement("receipt", TEE, WAREHOUSE, 12));

        // then
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(12);
    }
}
