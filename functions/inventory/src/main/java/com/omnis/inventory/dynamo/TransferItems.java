package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.Transfer;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockItems;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Transfers live next to the stock of their SKU in {@code STOCK_TABLE}, under slot {@code transfer#<id>}. */
final class TransferItems {

    static final String PREFIX = "transfer#";

    private TransferItems() {
    }

    static Map<String, AttributeValue> key(Sku sku, String transferId) {
        return Map.of(StockItems.SKU, AttributeValue.fromS(sku.value()),
                StockItems.SLOT, AttributeValue.fromS(PREFIX + transferId));
    }

    static Map<String, AttributeValue> toItem(Transfer t) {
        Map<String, AttributeValue> item = new HashMap<>(key(t.sku(), t.id()));
        item.put("transferId", AttributeValue.fromS(t.id()));
        item.put("fromLocationId", AttributeValue.fromS(t.fromLocationId()));
        item.put("toLocationId", AttributeValue.fromS(t.toLocationId()));
        item.put("quantity", AttributeValue.fromN(Long.toString(t.quantity())));
        item.put("received", AttributeValue.fromN(Long.toString(t.received())));
        item.put("createdAt", AttributeValue.fromS(t.createdAt().toString()));
        item.put(StockItems.VERSION, AttributeValue.fromN(Long.toString(t.version())));
        return item;
    }

    static Transfer fromItem(Map<String, AttributeValue> item) {
        return new Transfer(item.get("transferId").s(), Sku.of(item.get(StockItems.SKU).s()),
                item.get("fromLocationId").s(), item.get("toLocationId").s(), Long.parseLong(item.get("quantity").n()),
                Long.parseLong(item.get("received").n()), Instant.parse(item.get("createdAt").s()),
                Long.parseLong(item.get(StockItems.VERSION).n()));
    }
}
