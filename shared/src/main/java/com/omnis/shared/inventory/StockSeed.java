package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Map;

/**
 * Opening stock of a SKU at a location (demo data, migrations): received in full, one shard.
 * {@link #toRecord} gives the record with a balanced ledger, for {@link StockItems#toItem}.
 */
public record StockSeed(Sku sku, String locationId, long onHand, Map<Channel, Long> safetyStock) {

    public StockRecord toRecord(Instant at) {
        PositionSettings settings = new PositionSettings(safetyStock, PositionSettings.DEFAULT_LOW_STOCK_THRESHOLD, 1);
        return new StockRecord(sku, locationId, 0, onHand, 0, 0, settings, Ledger.EMPTY.receive(onHand), 1, at);
    }
}
