package com.omnis.orders.dynamo;

import com.omnis.orders.domain.StockEffect;
import com.omnis.orders.service.StockTake;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockKey;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Carts' close (their published part), and a stand-in for inventory's parts until
 * {@code com.omnis.inventory.checkout} is on main: stock writes through the shared {@link StockItems} layout ({@code ADD}, so concurrent changes add
 * up; taken only while {@code free} covers it). Replace by adapters over the published parts.
 */
public final class InterimCheckoutParts implements CheckoutParts {

    private final CartsCheckoutAdapter carts;
    private final String stockTable;
    private final DynamoStockReader stock;

    public InterimCheckoutParts(DynamoDbClient dynamo, CartsCheckoutAdapter carts, String stockTable) {
        this.carts = carts;
        this.stockTable = stockTable;
        this.stock = new DynamoStockReader(dynamo, stockTable, true);
    }

    @Override
    public TransactionPart closeCart(String cartId, java.util.Optional<String> customerId, long version, String currency,
                                     String orderId) {
        return carts.close(cartId, customerId, version, currency, orderId);
    }

    @Override
    public TransactionPart take(List<StockTake> takes, String orderId, Instant at, String correlationId) {
        Map<Sku, Map<String, StockPosition>> positions = stock.positions(takes.stream().map(StockTake::sku).distinct().toList());
        List<TransactWriteItem> actions = new ArrayList<>();
        for (StockTake take : takes) {
            StockPosition position = positions.getOrDefault(take.sku(), Map.of()).get(take.locationId());
            long left = take.quantity();
            for (StockRecord shard : position == null ? List.<StockRecord>of() : position.shards()) {
                long units = Math.min(left, Math.max(0, shard.free()));
                if (units > 0) {
                    actions.add(adjust(shard.key(), -units, units, 0, at, "#free >= :units", units));
                    left -= units;
                }
                if (left == 0) {
                    break;
                }
            }
            if (left > 0) {
                // sourced on a read the stock has moved on from: source again
                throw new StaleWriteException("stock of " + take.sku() + " at " + take.locationId() + " moved");
            }
        }
        // a failed guard means another order took the units first: read, source and decide again
        return TransactionPart.of(actions, reasons -> new StaleWriteException("stock taken meanwhile"));
    }

    @Override
    public TransactionPart effects(List<StockEffect> effects, String orderId, Instant at, String correlationId) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (StockEffect effect : effects) {
            StockKey head = new StockKey(effect.sku(), effect.locationId(), 0);
            actions.add(switch (effect) {
                case StockEffect.Restock r -> adjust(head, r.quantity(), -r.quantity(), 0, at, null, 0);
                case StockEffect.ReturnReceipt r -> adjust(head, r.quantity(), 0, r.quantity(), at, null, 0);
            });
        }
        return TransactionPart.of(actions, reasons -> new StaleWriteException("stock changed"));
    }

    /** {@code onHand} and {@code free} by {@code delta}, the ledger's sold and received by theirs, creating shard 0 if needed. */
    private TransactWriteItem adjust(StockKey key, long delta, long sold, long received, Instant at, String condition,
                                     long units) {
        Map<String, String> names = new HashMap<>(Map.of("#onHand", StockItems.ON_HAND, "#free", StockItems.FREE,
                "#version", StockItems.VERSION, "#updatedAt", StockItems.UPDATED_AT, "#locationId", StockItems.LOCATION_ID,
                "#shard", StockItems.SHARD, "#sold", "sold", "#received", "received"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":delta", n(delta), ":sold", n(sold),
                ":received", n(received), ":one", n(1), ":at", AttributeValue.fromS(at.toString()),
                ":location", AttributeValue.fromS(key.locationId()), ":shard", n(key.shard())));
        StringBuilder set = new StringBuilder("SET #updatedAt = :at, #locationId = :location, #shard = :shard");
        if (key.shard() == 0) {
            names.put("#stockLocation", StockItems.STOCK_LOCATION);
            set.append(", #stockLocation = :location");
            int i = 0;
            for (Map.Entry<String, AttributeValue> setting : StockItems.settingsAttributes(PositionSettings.DEFAULT).entrySet()) {
                names.put("#s" + i, setting.getKey());
                values.put(":s" + i, setting.getValue());
                set.append(", #s").append(i).append(" = if_not_exists(#s").append(i).append(", :s").append(i).append(")");
                i++;
            }
        }
        Update.Builder update = Update.builder().tableName(stockTable).key(StockItems.key(key))
                .updateExpression(set + " ADD #onHand :delta, #free :delta, #sold :sold, #received :received, #version :one")
                .expressionAttributeNames(names);
        if (condition != null) {
            values.put(":units", n(units));
            update.conditionExpression(condition);
        }
        update.expressionAttributeValues(values);
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
