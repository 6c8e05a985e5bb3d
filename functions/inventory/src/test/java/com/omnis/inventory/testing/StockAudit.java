package com.omnis.inventory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.inventory.StockRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Checks the conservation invariants on everything stored, record by record. */
public final class StockAudit {

    private StockAudit() {
    }

    /**
     * For every stock record: {@code 0 ≤ reserved ≤ onHand}; its ledger balances to its on-hand
     * figure; and the units it holds are exactly the units the open (HELD) reservations hold on it.
     * Each shopper's count of open holds is exactly what their open limited holds hold.
     */
    public static void assertConserved(InventoryFixture f) {
        List<StockRecord> records = f.allStockRecords();
        Map<String, Long> heldByOpenReservations = heldByOpenReservations(f.allReservations());
        for (StockRecord r : records) {
            String key = r.sku().value() + "@" + r.locationId() + "#" + r.shard();
            assertThat(r.reserved()).as("reserved of %s", key).isBetween(0L, r.onHand());
            assertThat(r.ledger().expectedOnHand()).as("ledger of %s", key).isEqualTo(r.onHand());
            assertThat(r.reserved()).as("held units of %s", key).isEqualTo(heldByOpenReservations.getOrDefault(key, 0L));
            heldByOpenReservations.remove(key);
        }
        assertThat(heldByOpenReservations).as("holds on records that do not exist").isEmpty();
        List<Map<String, AttributeValue>> items = f.allReservationItems();
        assertThat(shopperCounters(items)).as("open holds counted per shopper").isEqualTo(openLimitedHolds(items));
    }

    private static Map<String, List<Long>> shopperCounters(List<Map<String, AttributeValue>> items) {
        Map<String, List<Long>> counters = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            String id = item.get("reservationId").s();
            if (id.startsWith("shopper#")) {
                long holds = Long.parseLong(item.get("openHolds").n());
                long units = Long.parseLong(item.get("openUnits").n());
                if (holds != 0 || units != 0) {
                    counters.put(id.substring("shopper#".length()), List.of(holds, units));
                }
            }
        }
        return counters;
    }

    private static Map<String, List<Long>> openLimitedHolds(List<Map<String, AttributeValue>> items) {
        Map<String, long[]> open = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (!isReservation(item) || !"HELD".equals(item.get("status").s()) || !item.containsKey("limited")) {
                continue;
            }
            long[] counts = open.computeIfAbsent(item.get("owner").s(), o -> new long[2]);
            counts[0]++;
            for (AttributeValue allocation : item.get("allocations").l()) {
                counts[1] += Long.parseLong(allocation.m().get("quantity").n());
            }
        }
        Map<String, List<Long>> result = new HashMap<>();
        open.forEach((owner, c) -> result.put(owner, List.of(c[0], c[1])));
        return result;
    }

    /** The reservations table also holds one counter item per shopper. */
    public static boolean isReservation(Map<String, AttributeValue> item) {
        return item.containsKey("status");
    }

    private static Map<String, Long> heldByOpenReservations(List<Map<String, AttributeValue>> reservations) {
        Map<String, Long> held = new HashMap<>();
        for (Map<String, AttributeValue> item : reservations) {
            if (!isReservation(item) || !"HELD".equals(item.get("status").s())) {
                continue;
            }
            for (AttributeValue allocation : item.get("allocations").l()) {
                Map<String, AttributeValue> a = allocation.m();
                held.merge(a.get("sku").s() + "@" + a.get("locationId").s() + "#" + a.get("shard").n(),
                        Long.parseLong(a.get("quantity").n()), Long::sum);
            }
        }
        return held;
    }
}
