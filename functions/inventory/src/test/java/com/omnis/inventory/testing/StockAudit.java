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
    }

    private static Map<String, Long> heldByOpenReservations(List<Map<String, AttributeValue>> reservations) {
        Map<String, Long> held = new HashMap<>();
        for (Map<String, AttributeValue> item : reservations) {
            if (!"HELD".equals(item.get("status").s())) {
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
