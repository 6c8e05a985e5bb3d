package com.omnis.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockRecord;
import com.omnis.shared.inventory.StockSeed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourcingTest {

    private static final Sku TEE = Sku.of("TEE-BLUE-M");
    private static final Sku CAP = Sku.of("CAP-RED");
    private static final List<Location> LOCATIONS = List.of(
            location("wh-paris", Location.LocationType.WAREHOUSE, false, false, List.of()),
            location("store-lyon", Location.LocationType.STORE, true, true, List.of("69")),
            location("store-nice", Location.LocationType.STORE, true, true, List.of("06")));

    private final Map<Sku, Map<String, StockPosition>> positions = new HashMap<>();

    private static Location location(String id, Location.LocationType type, boolean pickup, boolean ship, List<String> prefixes) {
        return new Location(id, id.replace('-', ' '), type, new Location.Address("1 rue", "75001", "Paris", "FR"), Map.of(),
                pickup, ship, prefixes, "Europe/Paris");
    }

    private void stock(Sku sku, String location, long units) {
        StockRecord record = new StockSeed(sku, location, units, Map.of()).toRecord(Instant.EPOCH);
        positions.computeIfAbsent(sku, k -> new HashMap<>()).put(location, new StockPosition(sku, location, List.of(record)));
    }

    private List<Sourcing.Planned> plan(Sourcing.Method method, Optional<String> location, Optional<String> postal,
                                        Fulfilment.Line... lines) {
        return new Sourcing(LOCATIONS, positions, Channel.WEB).plan(method, List.of(lines), location, postal);
    }

    @Test
    void aDeliveryComesFromTheWarehouseWhenItHasEverything() {
        stock(TEE, "wh-paris", 5);
        stock(TEE, "store-lyon", 9);

        List<Sourcing.Planned> plan = plan(Sourcing.Method.DELIVERY, Optional.empty(), Optional.empty(), new Fulfilment.Line(TEE, 2));

        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.locationId()).isEqualTo("wh-paris");
            assertThat(p.kind()).isEqualTo(FulfilmentKind.DELIVERY);
            assertThat(p.reason()).contains("warehouse");
        });
    }

    @Test
    void whenNoWarehouseHasEverythingTheStoreWithMostUnitsShipsItAll() {
        stock(TEE, "wh-paris", 1);
        stock(TEE, "store-lyon", 3);
        stock(TEE, "store-nice", 4);
        stock(CAP, "store-lyon", 1);
        stock(CAP, "store-nice", 1);

        List<Sourcing.Planned> plan = plan(Sourcing.Method.DELIVERY, Optional.empty(), Optional.empty(),
                new Fulfilment.Line(TEE, 2), new Fulfilment.Line(CAP, 1));

        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.locationId()).isEqualTo("store-nice");
            assertThat(p.kind()).isEqualTo(FulfilmentKind.SHIP_FROM_STORE);
        });
    }

    @Test
    void otherwiseTheFewestShipmentsWithTheSameInputsGivingTheSamePlan() {
        stock(TEE, "wh-paris", 5);
        stock(CAP, "store-lyon", 2);

        List<Sourcing.Planned> plan = plan(Sourcing.Method.DELIVERY, Optional.empty(), Optional.empty(),
                new Fulfilment.Line(TEE, 2), new Fulfilment.Line(CAP, 1));

        assertThat(plan).extracting(Sourcing.Planned::locationId).containsExactly("wh-paris", "store-lyon");
        assertThat(plan.getFirst().reason()).contains("2 shipments");
        assertThat(plan(Sourcing.Method.DELIVERY, Optional.empty(), Optional.empty(),
                new Fulfilment.Line(TEE, 2), new Fulfilment.Line(CAP, 1))).isEqualTo(plan);
    }

    @Test
    void aPickupStoreWithoutTheUnitsIsRefusedNamingWhereTheyAre() {
        stock(TEE, "store-lyon", 3);

        assertThatThrownBy(() -> plan(Sourcing.Method.PICKUP, Optional.of("store-nice"), Optional.empty(),
                new Fulfilment.Line(TEE, 2)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-stock");
                    assertThat(e.detail()).contains("TEE-BLUE-M", "3 at store lyon for delivery or pickup");
                });
    }

    @Test
    void sameDayComesFromAStoreWhoseZoneCoversThePostalCode() {
        stock(TEE, "store-lyon", 3);
        stock(TEE, "store-nice", 9);

        List<Sourcing.Planned> plan = plan(Sourcing.Method.SAME_DAY, Optional.empty(), Optional.of("69002"),
                new Fulfilment.Line(TEE, 2));

        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.locationId()).isEqualTo("store-lyon");
            assertThat(p.kind()).isEqualTo(FulfilmentKind.SAME_DAY);
        });
    }
}
