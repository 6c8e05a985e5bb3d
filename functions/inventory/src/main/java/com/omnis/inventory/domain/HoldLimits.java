package com.omnis.inventory.domain;

/**
 * How much a shopper may keep held at once: holds take units off every channel's shelf, so an
 * account (any signed-in customer) must not be able to empty a SKU by holding it. Staff holds
 * at their till and ops' holds are not limited. Counted per owner, atomically with each hold.
 */
public record HoldLimits(int openHolds, long units) {

    /** Five carts' worth of holds and 20 units: more than any shopper's checkout needs, far below a shelf. */
    public static final HoldLimits DEFAULT = new HoldLimits(5, 20);

    /** The settings that override {@link #DEFAULT}. */
    public static final String OPEN_HOLDS_SETTING = "HOLD_LIMIT_OPEN_HOLDS";
    public static final String UNITS_SETTING = "HOLD_LIMIT_UNITS";

    public HoldLimits {
        if (openHolds < 1 || units < 1) {
            throw new IllegalArgumentException("hold limits are at least 1 hold and 1 unit");
        }
    }
}
