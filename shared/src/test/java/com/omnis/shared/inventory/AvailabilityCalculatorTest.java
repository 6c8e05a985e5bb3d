package com.omnis.shared.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Location.LocationType;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.SkuAvailability.Option;
import com.omnis.shared.inventory.SkuAvailability.OptionType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvailabilityCalculatorTest {

    private static final Sku TEE = Sku.of("TEE-BLUE-M");
    private static final Location WAREHOUSE = location("wh-paris", LocationType.WAREHOUSE, false, false, List.of());
    private static final Location SHIPPING_STORE = location("store-lyon", LocationType.STORE, true, true, List.of("69"));
    private static final Location PICKUP_STORE = location("store-nice", LocationType.STORE, true, false, List.of("06"));
    private static final Location TILL_ONLY_STORE = location("store-lille", LocationType.STORE, false, false, List.of());
    private static final List<Location> ALL = List.of(WAREHOUSE, SHIPPING_STORE, PICKUP_STORE, TILL_ONLY_STORE);

    @Test
    void webSumsWarehouseShipFromStoreAndPickupStoresButNotATillOnlyStore() {
        // given
        var positions = positions(stock(WAREHOUSE, 10, 2), stock(SHIPPING_STORE, 4, 0), stock(PICKUP_STORE, 3, 1),
                stock(TILL_ONLY_STORE, 7, 0));

        // when
        SkuAvailability web = AvailabilityCalculator.of(TEE, Channel.WEB, positions, ALL, Optional.empty(), Optional.empty());

        // then
        assertThat(web.available()).isEqualTo(8 + 4 + 2);
        assertThat(web.locations()).extracting(SkuAvailability.LocationAvailability::locationId)
                .containsExactly("store-lyon", "store-nice", "wh-paris");
        assertThat(web.options()).containsExactly(
                new Option(OptionType.DELIVERY, null, 12),
                new Option(OptionType.PICKUP, "store-lyon", 4),
                new Option(OptionType.PICKUP, "store-nice", 2));
    }

    @Test
    void theStoreChannelSeesEachStoresOwnStockAtItsTillAndNeverTheWarehouse() {
        // given
        var positions = positions(stock(WAREHOUSE, 10, 0), stock(SHIPPING_STORE, 4, 1), stock(TILL_ONLY_STORE, 7, 0));

        // when
        SkuAvailability store = AvailabilityCalculator.of(TEE, Channel.STORE, positions, ALL, Optional.of("store-lyon"),
                Optional.empty());

        // then
        assertThat(store.available()).isEqualTo(3);
        assertThat(store.options()).containsExactly(new Option(OptionType.IN_STORE, "store-lyon", 3));
    }

    @Test
    void safetyStockKeepsUnitsFromOneChannelOnlyAndNeverMakesAvailabilityNegative() {
        // given: 2 units kept for walk-in customers, not shown online
        StockRecord lyon = new StockRecord(TEE, "store-lyon", 0, 3, 0, 0,
                new PositionSettings(Map.of(Channel.WEB, 2L, Channel.MOBILE, 5L), 5, 1), Ledger.EMPTY, 1, null);
        var positions = Map.of("store-lyon", new StockPosition(TEE, "store-lyon", List.of(lyon)));

        // then
        assertThat(AvailabilityCalculator.of(TEE, Channel.WEB, positions, ALL, Optional.empty(), Optional.empty())
                .available()).isEqualTo(1);
        assertThat(AvailabilityCalculator.of(TEE, Channel.MOBILE, positions, ALL, Optional.empty(), Optional.empty())
                .available()).isZero();
        assertThat(AvailabilityCalculator.of(TEE, Channel.STORE, positions, ALL, Optional.empty(), Optional.empty())
                .available()).isEqualTo(3);
    }

    @Test
    void sameDayIsOfferedByAStoreWhosePostalPrefixesCoverTheCustomerAndThatHasUnits() {
        // given
        var positions = positions(stock(WAREHOUSE, 10, 0), stock(SHIPPING_STORE, 2, 0), stock(PICKUP_STORE, 0, 0));

        // when
        SkuAvailability lyonCustomer = AvailabilityCalculator.of(TEE, Channel.MOBILE, positions, ALL, Optional.empty(),
                Optional.of("69 003"));
        SkuAvailability niceCustomer = AvailabilityCalculator.of(TEE, Channel.MOBILE, positions, ALL, Optional.empty(),
                Optional.of("06000"));

        // then
        assertThat(lyonCustomer.options()).contains(new Option(OptionType.SAME_DAY, "store-lyon", 2));
        assertThat(niceCustomer.options()).extracting(Option::type).doesNotContain(OptionType.SAME_DAY);
    }

    @Test
    void aShardedPositionKeepsItsSafetyStockOnShardZero() {
        // given
        PositionSettings settings = new PositionSettings(Map.of(Channel.WEB, 3L), 5, 2);
        StockPosition position = new StockPosition(TEE, "wh-paris", List.of(
                new StockRecord(TEE, "wh-paris", 0, 2, 0, 0, settings, Ledger.EMPTY, 1, null),
                new StockRecord(TEE, "wh-paris", 1, 10, 4, 0, null, Ledger.EMPTY, 1, null)));

        // then: shard 0 has 2 free, all kept back; shard 1 has 6 free
        assertThat(position.availableTo(Channel.WEB)).isEqualTo(6);
        assertThat(position.availableTo(Channel.KIOSK)).isEqualTo(8);
    }

    private static Map<String, StockPosition> positions(StockRecord... records) {
        return java.util.Arrays.stream(records).collect(java.util.stream.Collectors.toMap(StockRecord::locationId,
                r -> new StockPosition(TEE, r.locationId(), List.of(r))));
    }

    private static StockRecord stock(Location location, long onHand, long reserved) {
        return new StockRecord(TEE, location.locationId(), 0, onHand, reserved, 0, null, Ledger.EMPTY, 1, null);
    }

    private static Location location(String id, LocationType type, boolean pickup, boolean ship, List<String> prefixes) {
        return new Location(id, id, type, new Location.Address("1 rue", "75001", "Paris", "FR"), Map.of(), pickup, ship,
                prefixes, "Europe/Paris");
    }
}
