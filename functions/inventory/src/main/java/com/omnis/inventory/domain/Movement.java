package com.omnis.inventory.domain;

import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Sku;
import java.util.Optional;

/** A validated stock movement request. {@code quantity} is the counted figure for a count. */
public record Movement(MovementType type, Sku sku, LocationId locationId, long quantity, Optional<LocationId> toLocationId,
                       Optional<String> transferId, Optional<String> reason) {

    public static final long MAX_QUANTITY = 1_000_000;
    public static final long MAX_COUNT = 1_000_000_000;

    /** A canonical text of the request: what an idempotency key's payload hash is computed over. */
    public String fingerprint() {
        return String.join("|", type.code(), sku.value(), locationId.value(), Long.toString(quantity),
                toLocationId.map(LocationId::value).orElse(""), transferId.orElse(""), reason.orElse(""));
    }
}
