package com.omnis.inventory.service;

import com.omnis.inventory.domain.MovementType;
import java.time.Instant;
import java.util.List;

/**
 * What a stock movement did: its id ({@code transferId} of a transfer is this id), and the
 * positions it touched as they stood right after it. Replaying the idempotency key returns the
 * very same document.
 */
public record MovementResult(String movementId, MovementType type, String sku, String locationId, long quantity,
                             String toLocationId, String transferId, String reason, Instant at,
                             List<PositionView> positions) {

    /** The result, and whether it is the stored result of an earlier request with the same key. */
    public record Outcome(MovementResult result, boolean replayed) {
    }
}
