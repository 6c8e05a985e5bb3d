package com.omnis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.inventory.testing.Http;
import com.omnis.inventory.testing.InventoryFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void receiptThenHoldThenAvailability() {
        try (InventoryFixture f = new InventoryFixture()) {
            long t0 = System.nanoTime();
            f.receive(InventoryFixture.TEE, InventoryFixture.WAREHOUSE, 10);
            Http.Response hold = f.hold(Http.As.customer("c1"), Map.of("channel", "web",
                    "lines", List.of(Map.of("sku", "TEE-BLUE-M", "quantity", 3))));
            System.out.println(hold);
            System.out.println(f.availability("TEE-BLUE-M", "web"));
            System.out.println(f.outboxEvents());
            System.out.println((System.nanoTime() - t0) / 1_000_000 + " ms");
            assertThat(hold.status()).isEqualTo(201);
        }
        long t1 = System.nanoTime();
        try (InventoryFixture f = new InventoryFixture()) {
            System.out.println("fixture " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
    }
}
