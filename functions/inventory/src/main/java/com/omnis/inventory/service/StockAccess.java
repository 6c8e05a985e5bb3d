package com.omnis.inventory.service;

import com.omnis.shared.domain.LocationId;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.identity.Caller;

/** Who may see and move stock: ops everywhere, store staff at their own store only. */
public final class StockAccess {

    private StockAccess() {
    }

    public static void requireStaff(Caller caller) {
        caller.requireAuthenticated();
        if (!caller.isIn(Caller.OPS) && !caller.isIn(Caller.STORE_STAFF)) {
            throw new ForbiddenException("stock is managed by the 'ops' and 'store-staff' groups");
        }
        if (!caller.isIn(Caller.OPS) && caller.storeId().isEmpty()) {
            throw new ForbiddenException("this store-staff token names no store (claim " + Caller.STORE_CLAIM + ")");
        }
    }

    public static void requireLocation(Caller caller, LocationId locationId) {
        requireStaff(caller);
        if (!caller.isIn(Caller.OPS) && !caller.storeId().orElseThrow().equals(locationId.value())) {
            throw new ForbiddenException("store staff manage the stock of their own store ("
                    + caller.storeId().orElseThrow() + ") only");
        }
    }

    /** Whether the caller sees every location; otherwise only {@code caller.storeId()}. */
    public static boolean seesAllLocations(Caller caller) {
        return caller.isIn(Caller.OPS);
    }
}
