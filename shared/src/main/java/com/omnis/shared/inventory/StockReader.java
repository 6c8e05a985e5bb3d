package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads stock positions. */
public interface StockReader {

    /** Every position of each SKU, by location id; a SKU nobody stocks maps to an empty map. */
    Map<Sku, Map<String, StockPosition>> positions(Collection<Sku> skus);

    /** Groups records into positions by location. */
    static Map<String, StockPosition> group(Sku sku, List<StockRecord> records) {
        Map<String, List<StockRecord>> byLocation = new java.util.TreeMap<>();
        records.forEach(r -> byLocation.computeIfAbsent(r.locationId(), k -> new java.util.ArrayList<>()).add(r));
        Map<String, StockPosition> positions = new java.util.TreeMap<>();
        byLocation.forEach((location, shards) -> positions.put(location, new StockPosition(sku, location, shards)));
        return positions;
    }
}
