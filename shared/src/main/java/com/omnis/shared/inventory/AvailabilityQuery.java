package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Availability of SKUs for a channel, as every channel sees it: inventory's {@code GET /availability}
 * and the catalog's product page both answer through this class.
 */
public final class AvailabilityQuery {

    private final StockReader stock;
    private final Supplier<List<Location>> locations;

    public AvailabilityQuery(StockReader stock, Supplier<List<Location>> locations) {
        this.stock = stock;
        this.locations = locations;
    }

    public List<SkuAvailability> of(List<Sku> skus, Channel channel, Optional<String> locationId,
                                    Optional<String> postalCode) {
        Map<Sku, Map<String, StockPosition>> positions = stock.positions(skus);
        List<Location> known = locations.get();
        return skus.stream()
                .map(sku -> AvailabilityCalculator.of(sku, channel, positions.getOrDefault(sku, Map.of()), known,
                        locationId, postalCode))
                .toList();
    }

    public SkuAvailability of(Sku sku, Channel channel) {
        return of(List.of(sku), channel, Optional.empty(), Optional.empty()).getFirst();
    }
}
