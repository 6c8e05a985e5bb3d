package com.omnis.inventory.service;

import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.inventory.domain.OpenHolds;
import com.omnis.inventory.domain.Reservation;
import com.omnis.shared.inventory.Transfer;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stock, reservations and transfers: strongly consistent reads, and atomic conditional writes. */
public interface InventoryStore extends StockReader {

    /** The positions held at a location, in SKU order, a page at a time. */
    Page<StockPosition> positionsAt(String locationId, int limit, Optional<String> cursor);

    Optional<Reservation> reservation(String id);

    /** What {@code owner}'s limited holds hold right now. */
    OpenHolds openHolds(String owner);

    /** Holds still HELD whose expiry is at or before {@code now}, oldest first, at most {@code limit}. */
    List<Reservation> dueHolds(Instant now, int limit);

    Optional<Transfer> transfer(Sku sku, String transferId);

    /**
     * Writes everything in {@code transaction} or nothing.
     *
     * @throws StaleWriteException when a record moved since it was read (the caller reads again and re-decides)
     * @throws IdempotencyClaimLostException when the request's idempotency record is no longer its own
     */
    void write(InventoryTransaction transaction);
}
