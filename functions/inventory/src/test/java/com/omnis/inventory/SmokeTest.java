package com.omnis.inventory;

import com.omnis.inventory.domain.Movement;
import com.omnis.inventory.domain.MovementType;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.shared.http.Caller;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void receipt() {
        InventoryFixture f = new InventoryFixture(InventoryFixture.eagerRetry());
        try {
            f.inventory.stock().move(Caller.fromClaims(Map.of("sub", "o", "cognito:groups", "[ops]")),
                    new Movement(MovementType.RECEIPT, InventoryFixture.TEE, "wh-paris", 3, Optional.empty(), Optional.empty(), Optional.empty()),
                    "abcdefgh1", "x");
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
    }
}
