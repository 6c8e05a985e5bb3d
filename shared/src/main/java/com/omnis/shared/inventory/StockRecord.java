package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Objects;

/**
 * One item of the stock table: shard {@code shard} of the stock of {@code sku} at {@code locationId}.
 * A position has one shard unless it was spread for a flash sale. Shard 0 carries the position's
 * {@link PositionSettings} and its in-transit units. {@code version} grows by one on every write:
 * each write is conditioned on the version it read, so a decision is never made on stale figures.
 * Invariant, enforced by every write: {@code 0 ≤ reserved ≤ onHand}.
 */
public record StockRecord(Sku sku, String locationId, int shard, long onHand, long reserved, long inTransit,
                          PositionSettings settings, Ledger ledger, long version, Instant updatedAt) {

    public StockRecord {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(ledger, "ledger");
        if (shard < 0 || shard >= PositionSettings.MAX_SHARDS) {
            throw new IllegalArgumentException("shard out of range: " + shard);
        }
        if (reserved < 0 || onHand < reserved || inTransit < 0) {
            throw new IllegalStateException("stock of " + sku + " at " + locationId + "#" + shard
                    + " would break 0 ≤ reserved ≤ onHand: onHand=" + onHand + " reserved=" + reserved
                    + " inTransit=" + inTransit);
        }
        if (shard == 0 && settings == null) {
            settings = PositionSettings.DEFAULT;
        }
        if (shard != 0) {
            settings = null;
        }
    }

    /** A shard that does not exist yet (version 0): writing it creates it. */
    public static StockRecord empty(Sku sku, String locationId, int shard) {
        return new StockRecord(sku, locationId, shard, 0, 0, 0, null, Ledger.EMPTY, 0, null);
    }

    public StockKey key() {
        return new StockKey(sku, locationId, shard);
    }

    /** Units on the shelf not held by a reservation. */
    public long free() {
        return onHand - reserved;
    }

    public boolean exists() {
        return version > 0;
    }

    public StockRecord withCounts(long newOnHand, long newReserved, long newInTransit, Ledger newLedger) {
        return new StockRecord(sku, locationId, shard, newOnHand, newReserved, newInTransit, settings, newLedger,
                version, updatedAt);
    }

    public StockRecord withSettings(PositionSettings newSettings) {
        return new StockRecord(sku, locationId, shard, onHand, reserved, inTransit, newSettings, ledger, version,
                updatedAt);
    }

    /** The state to write: next version, stamped with the write time. */
    public StockRecord next(Instant at) {
        return new StockRecord(sku, locationId, shard, onHand, reserved, inTransit, settings, ledger, version + 1, at);
    }
}
