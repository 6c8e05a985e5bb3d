package com.omnis.inventory.domain;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.StockKey;
import com.omnis.shared.inventory.StockRecord;
import java.util.List;

/**
 * The stock part of one transaction: the records to write (each conditioned on the version it was
 * read at), the untouched records whose version must not have moved (their figures decided an
 * event), and the events the change produces.
 */
public record StockPlan(List<Write> writes, List<VersionCheck> checks, List<DomainEvent> events) {

    public StockPlan {
        writes = List.copyOf(writes);
        checks = List.copyOf(checks);
        events = List.copyOf(events);
    }

    public static final StockPlan NONE = new StockPlan(List.of(), List.of(), List.of());

    /** Writes {@code next} (already at its new version) if the record is still at {@code expectedVersion}; 0 = absent. */
    public record Write(StockRecord next, long expectedVersion, boolean delete) {
    }

    /** The record {@code key} must still be at {@code version} (0 = must not exist). */
    public record VersionCheck(StockKey key, long version) {
    }
}
