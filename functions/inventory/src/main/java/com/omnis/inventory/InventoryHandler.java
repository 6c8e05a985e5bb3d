package com.omnis.inventory;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;

/** Lambda entry point of the inventory HTTP routes: availability, stock, movements and reservations. */
public final class InventoryHandler extends ApiHandler {

    public InventoryHandler() {
        this(Inventory.fromSettings(Settings.current()));
    }

    public InventoryHandler(Inventory inventory) {
        super(InventoryApi.router(inventory));
    }
}
