package com.omnis.inventory.domain;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.StockKey;
import com.omnis.shared.inventory.StockRecord;
import java.util.List;

/**
 * The stock part of one transaction. Each written record carries the assertions its change relies
 * on, checked by the write condition against the record as it is when the write applies: the
 * guard (enough free or held units), and the facts an event decision was based on. A write
 * therefore fails only when the state moved in a way that matters, not whenever it moved, so
 * concurrent holds on a hot record do not invalidate each other.
 */
public record StockPlan(List<Write> writes, List<VersionCheck> checks, List<DomainEvent> events) {

    public StockPlan {
        writes = List.copyOf(writes);
        checks = List.copyOf(checks);
        events = List.copyOf(events);
    }

    /**
     * Moves record {@code read} to {@code next} by adding the differences of their counters (so a
     * concurrent change is never overwritten), if every assertion holds; or deletes it.
     * {@code settingsChanged} rewrites the position's settings on shard 0.
     */
    public record Write(StockRecord read, StockRecord next, List<Assertion> assertions, boolean delete,
                        boolean settingsChanged) {
        public Write {
            assertions = List.copyOf(assertions);
        }

        public StockKey key() {
            return next.key();
        }
    }

    /** Record {@code key} must still be at {@code version} (0 = must not exist). */
    public record VersionCheck(StockKey key, long version) {
    }

    /** What must be true of a record, just before the write applies, for the write to be right. */
    public sealed interface Assertion {
        /** free ≥ n */
        record FreeAtLeast(long units) implements Assertion {
        }

        /** free ≤ n (a record that does not exist has none) */
        record FreeAtMost(long units) implements Assertion {
        }

        /** lo ≤ free ≤ hi */
        record FreeBetween(long low, long high) implements Assertion {
        }

        /** reserved ≥ n */
        record ReservedAtLeast(long units) implements Assertion {
        }

        /** The record is exactly as read (0 = it does not exist). */
        record VersionIs(long version) implements Assertion {
        }
    }
}
