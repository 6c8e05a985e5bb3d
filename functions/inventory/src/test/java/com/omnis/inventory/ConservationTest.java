package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.NICE;
import static com.omnis.inventory.testing.InventoryFixture.SHOE;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.inventory.testing.StockAudit;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A seeded random sequence of movements, holds, commits, releases and expiries, checked after
 * every step against a model: what succeeds and what is refused, and the figures left behind.
 */
class ConservationTest {

    private static final List<Sku> SKUS = List.of(TEE, SHOE);
    private static final List<String> LOCATIONS = List.of(WAREHOUSE, LYON, NICE);

    private final InventoryFixture f = new InventoryFixture(InventoryFixture.eagerRetry());
    private final Random random = new Random(20260615);
    private final Map<String, long[]> model = new HashMap<>();
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final Map<String, long[]> transfers = new HashMap<>();
    private int changes;

    private record Hold(List<JsonNode> lines, Instant expiresAt) {
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyRandomSequenceKeepsStockConservedAndMatchesTheModelStepByStep() {
        for (int step = 0; step < 150; step++) {
            switch (random.nextInt(10)) {
                case 0, 1 -> receipt();
                case 2 -> sale("sale");
                case 3 -> sale("damage");
                case 4 -> count();
                case 5 -> transfer();
                case 6, 7 -> hold();
                case 8 -> closeAHold();
                default -> expire();
            }
            assertMatchesModel(step);
        }
        assertThat(f.outboxItems()).as("one outbox item per committed change").isEqualTo(changes);
    }

    private void receipt() {
        Sku sku = pick(SKUS);
        String location = pick(LOCATIONS);
        String transferKey = transfers.keySet().stream().filter(k -> k.startsWith(sku.value() + "@" + location + "@"))
                .findFirst().orElse(null);
        long quantity = 1 + random.nextInt(6);
        Map<String, Object> body = new LinkedHashMap<>(StockMovementsTest.movement("receipt", sku, location, quantity));
        if (transferKey != null) {
            long[] transfer = transfers.get(transferKey);
            quantity = Math.min(quantity, transfer[0]);
            body.put("quantity", quantity);
            body.put("transferId", transferKey.substring(transferKey.lastIndexOf('@') + 1));
        }
        Http.Response response = f.move(As.ops(), StockMovementsTest.key(), body);
        assertThat(response.status()).isEqualTo(201);
        long[] p = position(sku, location);
        p[0] += quantity;
        if (transferKey != null) {
            p[2] -= quantity;
            transfers.get(transferKey)[0] -= quantity;
            if (transfers.get(transferKey)[0] == 0) {
                transfers.remove(transferKey);
            }
        }
        changes++;
    }

    private void sale(String type) {
        Sku sku = pick(SKUS);
        String location = pick(LOCATIONS);
        long quantity = 1 + random.nextInt(4);
        Http.Response response = f.move(As.ops(), StockMovementsTest.key(),
                StockMovementsTest.movement(type, sku, location, quantity));
        long[] p = position(sku, location);
        if (p[0] - p[1] >= quantity) {
            assertThat(response.status()).isEqualTo(201);
            p[0] -= quantity;
            changes++;
        } else {
            assertThat(response.status()).isEqualTo(409);
        }
    }

    private void count() {
        Sku sku = pick(SKUS);
        String location = pick(LOCATIONS);
        long target = random.nextInt(12);
        Http.Response response = f.move(As.ops(), StockMovementsTest.key(),
                StockMovementsTest.movement("count", sku, location, target));
        long[] p = position(sku, location);
        if (target >= p[1]) {
            assertThat(response.status()).isEqualTo(201);
            p[0] = target;
            changes++;
        } else {
            assertThat(response.status()).isEqualTo(409);
        }
    }

    private void transfer() {
        Sku sku = pick(SKUS);
        long quantity = 1 + random.nextInt(3);
        Map<String, Object> body = new LinkedHashMap<>(StockMovementsTest.movement("transfer", sku, WAREHOUSE, quantity));
        body.put("toLocationId", LYON);
        Http.Response response = f.move(As.ops(), StockMovementsTest.key(), body);
        long[] from = position(sku, WAREHOUSE);
        if (from[0] - from[1] >= quantity) {
            assertThat(response.status()).isEqualTo(201);
            from[0] -= quantity;
            position(sku, LYON)[2] += quantity;
            transfers.put(sku.value() + "@" + LYON + "@" + response.body().get("transferId").asText(), new long[]{quantity});
            changes++;
        } else {
            assertThat(response.status()).isEqualTo(409);
        }
    }

    private void hold() {
        Sku sku = pick(SKUS);
        long quantity = 1 + random.nextInt(4);
        boolean pickup = random.nextBoolean();
        String location = pickup ? pick(List.of(LYON, NICE)) : null;
        Map<String, Object> line = new LinkedHashMap<>(Map.of("sku", sku.value(), "quantity", quantity));
        if (location != null) {
            line.put("locationId", location);
        }
        // ops: a shopper's holds are limited, and the point here is every figure under any sequence
        Http.Response response = f.hold(As.ops(), Map.of("channel", "web",
                "ttlSeconds", 60 + random.nextInt(600), "lines", List.of(line)));
        List<String> candidates = location != null ? List.of(location) : List.of(WAREHOUSE, LYON);
        long available = candidates.stream().mapToLong(l -> position(sku, l)[0] - position(sku, l)[1]).sum();
        if (available >= quantity) {
            assertThat(response.status()).isEqualTo(201);
            List<JsonNode> lines = new ArrayList<>();
            response.body().get("lines").forEach(lines::add);
            lines.forEach(l -> position(Sku.of(l.get("sku").asText()), l.get("locationId").asText())[1] += l.get("quantity").asLong());
            holds.put(response.body().get("id").asText(),
                    new Hold(lines, Instant.parse(response.body().get("expiresAt").asText())));
            changes++;
        } else {
            assertThat(response.status()).isEqualTo(409);
        }
    }

    private void closeAHold() {
        if (holds.isEmpty()) {
            return;
        }
        String id = pick(new ArrayList<>(holds.keySet()));
        Hold hold = holds.get(id);
        boolean commit = random.nextBoolean();
        boolean expired = !hold.expiresAt().isAfter(f.clock.instant());
        Http.Response response = commit ? f.commit(As.ops(), id) : f.release(As.ops(), id);
        if (commit && expired) {
            assertThat(response.status()).isEqualTo(409);
            return;
        }
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode line : hold.lines()) {
            long[] p = position(Sku.of(line.get("sku").asText()), line.get("locationId").asText());
            p[1] -= line.get("quantity").asLong();
            if (commit) {
                p[0] -= line.get("quantity").asLong();
            }
        }
        holds.remove(id);
        changes++;
    }

    private void expire() {
        f.clock.advance(Duration.ofSeconds(random.nextInt(300)));
        int expired = f.inventory.reservations().expireDue(500, "sweep");
        List<String> due = holds.entrySet().stream().filter(e -> !e.getValue().expiresAt().isAfter(f.clock.instant()))
                .map(Map.Entry::getKey).toList();
        assertThat(expired).isEqualTo(due.size());
        for (String id : due) {
            for (JsonNode line : holds.remove(id).lines()) {
                position(Sku.of(line.get("sku").asText()), line.get("locationId").asText())[1] -= line.get("quantity").asLong();
            }
            changes++;
        }
    }

    private void assertMatchesModel(int step) {
        for (Sku sku : SKUS) {
            for (String location : LOCATIONS) {
                StockPosition stored = f.position(sku, location);
                long[] expected = position(sku, location);
                assertThat(new long[]{stored.onHand(), stored.reserved(), stored.inTransit()})
                        .as("step %d: %s at %s (onHand, reserved, inTransit)", step, sku, location)
                        .containsExactly(expected);
            }
        }
        StockAudit.assertConserved(f);
    }

    private long[] position(Sku sku, String location) {
        return model.computeIfAbsent(sku.value() + "@" + location, k -> new long[3]);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
