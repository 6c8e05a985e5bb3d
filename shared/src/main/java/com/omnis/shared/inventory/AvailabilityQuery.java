package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Availability of SKUs for a channel, as every channel sees it: inventory's {@code GET /availability}
 * and the catalog's product page both answer through this class.
 */
public final class AvailabilityQuery {

    /** A postal code as the queries accept it (same-day zones are matched on its prefix). */
    public static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9 -]{2,10}");
    public static final String POSTAL_CODE_RULE = "is 2 to 10 letters, digits, spaces or dashes";

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
        return of(sku, channel, Optional.empty());
    }

    /** One SKU at every location serving the channel; {@code postalCode} adds the same-day options. */
    public SkuAvailability of(Sku sku, Channel channel, Optional<String> postalCode) {
        return of(List.of(sku), channel, Optional.empty(), postalCode).getFirst();
    }
}
