package com.omnis.inventory.domain;

/** What one owner holds right now: open (HELD) holds counted against {@link HoldLimits}, and their units. */
public record OpenHolds(long holds, long units) {

    public static final OpenHolds NONE = new OpenHolds(0, 0);

    /** Whether one more hold of {@code more} units stays within {@code limits}. */
    public boolean admits(long more, HoldLimits limits) {
        return holds + 1 <= limits.openHolds() && units + more <= limits.units();
    }
}
