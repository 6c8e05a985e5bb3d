package com.omnis.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.inventory.domain.StockPlan.Assertion.FreeAtLeast;
import com.omnis.inventory.domain.StockPlan.Assertion.FreeAtMost;
import com.omnis.inventory.domain.StockPlan.Assertion.FreeBetween;
import com.omnis.inventory.domain.StockPlan.Assertion.VersionIs;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Location.LocationType;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.Ledger;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StockChangeTest {

    private static final Sku TEE = Sku.of("TEE-BLUE-M");
    private static final PositionKey WAREHOUSE = new PositionKey(TEE, "wh-paris");
    private static final PositionKey LYON = new PositionKey(TEE, "store-lyon");
    private static final Map<String, Location> LOCATIONS = Map.of(
            "wh-paris", location("wh-paris", LocationType.WAREHOUSE, false, false),
            "store-lyon", location("store-lyon", LocationType.STORE, true, true));
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void aHoldFarAboveTheThresholdAssertsOnlyEnoughFreeUnitsSoConcurrentHoldsDoNotConflict() {
        // given
        StockChange change = change(shard(WAREHOUSE, 0, 50, 0, PositionSettings.DEFAULT));

        // when
        List<Allocation> allocations = change.hold(WAREHOUSE, 1, Channel.WEB);
        StockPlan plan = change.plan("reservation-held", "res-1", "corr", NOW);

        // then
        assertThat(allocations).containsExactly(new Allocation(TEE, "wh-paris", 0, 1));
        assertThat(plan.writes()).singleElement().satisfies(write -> {
            assertThat(write.next().reserved()).isEqualTo(1);
            assertThat(write.assertions()).containsExactly(new FreeAtLeast(1), new FreeAtLeast(6));
        });
        assertThat(plan.checks()).isEmpty();
        assertThat(types(plan)).containsExactly(StockEvents.STOCK_CHANGED);
    }

    @Test
    void aHoldThatCrossesTheLowStockThresholdSaysSoOnceAndAssertsTheCrossingBand() {
        // given: threshold 5, 6 free
        StockChange change = change(shard(WAREHOUSE, 0, 6, 0, PositionSettings.DEFAULT));

        // when
        change.hold(WAREHOUSE, 2, Channel.WEB);
        StockPlan plan = change.plan("reservation-held", "res-1", "corr", NOW);

        // then
        assertThat(types(plan)).containsExactly(StockEvents.STOCK_CHANGED, StockEvents.LOW_STOCK);
        assertThat(plan.events().get(1).dataAs(StockEvents.LowStock.class))
                .isEqualTo(new StockEvents.LowStock("TEE-BLUE-M", "wh-paris", 4, 5));
        assertThat(plan.writes().getFirst().assertions()).contains(new FreeBetween(5, 6));
    }

    @Test
    void aHoldBelowTheThresholdAssertsItStaysBelowAndSaysNothingMore() {
        // given
        StockChange change = change(shard(WAREHOUSE, 0, 3, 0, PositionSettings.DEFAULT));

        // when
        change.hold(WAREHOUSE, 1, Channel.WEB);
        StockPlan plan = change.plan("reservation-held", "res-1", "corr", NOW);

        // then
        assertThat(types(plan)).containsExactly(StockEvents.STOCK_CHANGED);
        assertThat(plan.writes().getFirst().assertions()).contains(new FreeAtMost(4));
    }

    @Test
    void aReceiptAtAnEmptyPositionIsBackInStockForEveryChannelTheLocationServes() {
        // given
        StockChange change = change();

        // when
        change.addOnHand(LYON, 3, Ledger::receive);
        StockPlan plan = change.plan("receipt", "m-1", "corr", NOW);

        // then
        assertThat(plan.events()).filteredOn(e -> e.type().equals(StockEvents.BACK_IN_STOCK))
                .extracting(e -> e.dataAs(StockEvents.BackInStock.class).channel())
                .containsExactlyInAnyOrder(Channel.WEB, Channel.MOBILE, Channel.STORE, Channel.CALL_CENTER, Channel.KIOSK);
        assertThat(plan.writes().getFirst().next().onHand()).isEqualTo(3);
        assertThat(plan.writes().getFirst().assertions()).contains(new FreeAtMost(0));
    }

    @Test
    void aReceiptIsNotBackInStockWhenAnotherLocationAlreadyServesTheChannel() {
        // given
        StockChange change = change(shard(WAREHOUSE, 0, 5, 0, PositionSettings.DEFAULT));

        // when
        change.addOnHand(LYON, 3, Ledger::receive);
        StockPlan plan = change.plan("receipt", "m-1", "corr", NOW);

        // then: only the store channel (which the warehouse does not serve) comes back
        assertThat(plan.events()).filteredOn(e -> e.type().equals(StockEvents.BACK_IN_STOCK))
                .extracting(e -> e.dataAs(StockEvents.BackInStock.class).channel())
                .containsExactly(Channel.STORE);
    }

    @Test
    void safetyStockIsNeverHeldForTheChannelItIsKeptFrom() {
        // given: 3 on hand, 2 kept back from web
        StockChange change = change(shard(LYON, 0, 3, 0, new PositionSettings(Map.of(Channel.WEB, 2L), 5, 1)));

        // then
        assertThatThrownBy(() -> change.hold(LYON, 2, Channel.WEB)).isInstanceOf(IllegalStateException.class);
        change.hold(LYON, 1, Channel.WEB);
        assertThat(change.plan("reservation-held", "r", "c", NOW).writes().getFirst().assertions())
                .contains(new FreeAtLeast(3));
    }

    @Test
    void aHoldOnAShardedPositionWritesOneShardAndLeavesTheOthersAloneWhileFarFromTheThreshold() {
        // given
        PositionSettings fourShards = new PositionSettings(Map.of(), 5, 4);
        StockChange change = change(shard(WAREHOUSE, 0, 25, 0, fourShards), shard(WAREHOUSE, 1, 25, 0, null),
                shard(WAREHOUSE, 2, 25, 0, null), shard(WAREHOUSE, 3, 25, 0, null));

        // when
        change.hold(WAREHOUSE, 1, Channel.WEB);
        StockPlan plan = change.plan("reservation-held", "r", "c", NOW);

        // then
        assertThat(plan.writes()).hasSize(1);
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.writes().getFirst().assertions()).containsExactly(new FreeAtLeast(1), new FreeAtLeast(6));
    }

    @Test
    void aHoldOnAShardedPositionNearTheThresholdPinsTheOtherShardsSoLowStockStaysExact() {
        // given
        PositionSettings twoShards = new PositionSettings(Map.of(), 5, 2);
        StockChange change = change(shard(WAREHOUSE, 0, 3, 0, twoShards), shard(WAREHOUSE, 1, 3, 0, null));

        // when
        change.hold(WAREHOUSE, 2, Channel.WEB);
        StockPlan plan = change.plan("reservation-held", "r", "c", NOW);

        // then
        assertThat(plan.checks()).hasSize(1);
        assertThat(plan.writes().getFirst().assertions()).contains(new VersionIs(1));
        assertThat(types(plan)).contains(StockEvents.LOW_STOCK);
    }

    @Test
    void aCountAssertsTheExactVersionAndRecordsTheAdjustmentInTheLedger() {
        // given
        StockChange change = change(shard(WAREHOUSE, 0, 10, 4, PositionSettings.DEFAULT));

        // when
        change.countTo(WAREHOUSE, 7);
        StockPlan plan = change.plan("count", "m", "c", NOW);

        // then
        StockRecord next = plan.writes().getFirst().next();
        assertThat(next.onHand()).isEqualTo(7);
        assertThat(next.reserved()).isEqualTo(4);
        assertThat(next.ledger().counted()).isEqualTo(-3);
        assertThat(plan.writes().getFirst().assertions()).contains(new VersionIs(1));
    }

    @Test
    void spreadingAPositionOverShardsKeepsEveryHeldAndFreeUnitAndTheLedgerBalanced() {
        // given: 1 shard, 40 on hand, 6 held, received 40
        StockRecord head = new StockRecord(TEE, "wh-paris", 0, 40, 6, 0, PositionSettings.DEFAULT,
                Ledger.EMPTY.receive(40), 3, null);
        StockChange change = change(head);

        // when
        change.configure(WAREHOUSE, new PositionSettings(Map.of(Channel.WEB, 2L), 5, 4));
        StockPosition after = change.current(WAREHOUSE);

        // then
        assertThat(after.shards()).hasSize(4);
        assertThat(after.onHand()).isEqualTo(40);
        assertThat(after.reserved()).isEqualTo(6);
        assertThat(after.ledger().expectedOnHand()).isEqualTo(40);
        after.shards().forEach(r -> assertThat(r.ledger().expectedOnHand()).isEqualTo(r.onHand()));
        assertThat(after.availableTo(Channel.WEB)).isEqualTo(32);
    }

    @Test
    void goingBackToOneShardFoldsTheRemovedShardsLedgerIntoShardZero() {
        // given
        PositionSettings twoShards = new PositionSettings(Map.of(), 5, 2);
        StockChange change = change(
                new StockRecord(TEE, "wh-paris", 0, 5, 0, 0, twoShards, Ledger.EMPTY.receive(8).sell(3), 2, null),
                new StockRecord(TEE, "wh-paris", 1, 4, 0, 0, null, Ledger.EMPTY.receive(8).sell(4), 2, null));

        // when
        change.configure(WAREHOUSE, PositionSettings.DEFAULT);
        StockPlan plan = change.plan("settings", "s", "c", NOW);

        // then
        StockPosition after = change.current(WAREHOUSE);
        assertThat(after.shards()).singleElement().satisfies(r -> {
            assertThat(r.onHand()).isEqualTo(9);
            assertThat(r.ledger().received()).isEqualTo(16);
            assertThat(r.ledger().sold()).isEqualTo(7);
            assertThat(r.ledger().expectedOnHand()).isEqualTo(9);
        });
        assertThat(plan.writes()).anySatisfy(w -> assertThat(w.delete()).isTrue());
    }

    @Test
    void splitSpreadsUnitsAsEvenlyAsPossible() {
        assertThat(StockChange.split(10, 4)).containsExactly(3, 3, 2, 2);
        assertThat(StockChange.split(1, 3)).containsExactly(1, 0, 0);
    }

    private static List<String> types(StockPlan plan) {
        return plan.events().stream().map(DomainEvent::type).toList();
    }

    private static StockChange change(StockRecord... records) {
        List<StockRecord> all = new ArrayList<>(List.of(records));
        Map<String, StockPosition> positions = com.omnis.shared.inventory.StockReader.group(TEE, all);
        return new StockChange(Map.of(TEE, positions), LOCATIONS, new Random(7));
    }

    private static StockRecord shard(PositionKey key, int shard, long onHand, long reserved, PositionSettings settings) {
        return new StockRecord(TEE, key.locationId(), shard, onHand, reserved, 0, settings, Ledger.EMPTY.receive(onHand),
                1, null);
    }

    private static Location location(String id, LocationType type, boolean pickup, boolean ship) {
        return new Location(id, id, type, new Location.Address("1 rue", "75001", "Paris", "FR"), Map.of(), pickup, ship,
                List.of(), "Europe/Paris");
    }
}
