package com.omnis.notifications.dynamo;

import com.omnis.notifications.service.IdleCarts;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Idle carts read from {@code CARTS_TABLE}, in the carts' layout ({@code com.omnis.carts.dynamo.CartItems}:
 * {@code itemType=CART}, {@code status}, {@code customerId}, {@code updatedAt}, {@code lines{SKU: {quantity}}}).
 * A filtered scan: the table has no index by last change, and a reminder run every 15 minutes can afford
 * reading it at today's sizes. Carts should publish this read (and an index) for notifications to use instead.
 */
public final class DynamoIdleCarts implements IdleCarts {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdleCarts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<IdleCart> idleBetween(Instant from, Instant to, int limit) {
        List<IdleCart> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("itemType = :cart AND #status = :active AND attribute_exists(customerId)"
                            + " AND updatedAt BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":cart", AttributeValue.fromS("CART"),
                            ":active", AttributeValue.fromS("ACTIVE"), ":from", AttributeValue.fromS(from.toString()),
                            ":to", AttributeValue.fromS(to.toString())));
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse response = dynamo.scan(scan.build());
            response.items().stream().map(DynamoIdleCarts::cart).flatMap(Optional::stream)
                    .limit(limit - found.size()).forEach(found::add);
            start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    @Override
    public Optional<IdleCart> stillIdle(String cartId, Instant updatedAt) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("cartId", AttributeValue.fromS(cartId))).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !"ACTIVE".equals(text(item, "status"))
                || !updatedAt.toString().equals(text(item, "updatedAt"))) {
            return Optional.empty();
        }
        return cart(item);
    }

    private static Optional<IdleCart> cart(Map<String, AttributeValue> item) {
        if (!item.containsKey("customerId") || !item.containsKey("lines") || !item.get("lines").hasM()) {
            return Optional.empty();
        }
        List<IdleCart.Line> lines = new ArrayList<>();
        item.get("lines").m().forEach((sku, line) -> {
            try {
                AttributeValue quantity = line.hasM() ? line.m().get("quantity") : null;
                lines.add(new IdleCart.Line(Sku.of(sku), quantity == null ? 1 : Integer.parseInt(quantity.n())));
            } catch (IllegalArgumentException e) {
                // a line we cannot read is left out of the reminder, never a reason to fail the run
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdleCart(item.get("cartId").s(), item.get("customerId").s(),
                Instant.parse(item.get("updatedAt").s()), lines));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
