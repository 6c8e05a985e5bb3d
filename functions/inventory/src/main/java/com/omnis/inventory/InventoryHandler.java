package com.omnis.inventory;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;
import java.util.Map;

/** Lambda entry point of the inventory HTTP routes: availability, stock, movements and reservations. */
public final class InventoryHandler extends ApiHandler {

    /** A SKU no stock record has (it is valid, so the request reaches DynamoDB): priming asks for its availability. */
    static final String PRIMING_SKU = "PRIMING-0";

    public InventoryHandler() {
        this(Inventory.fromSettings(Settings.current()));
        // availability of a SKU nobody stocks on the web: the locations, one stock Query, a 200 in JSON
        primeBeforeCheckpoint(new PrimingRequest(harmlessGet("GET /availability", "/availability", Map.of(),
                Map.of("skus", PRIMING_SKU, "channel", "web")), 200));
    }

    public InventoryHandler(Inventory inventory) {
        super(InventoryApi.router(inventory));
    }
}
