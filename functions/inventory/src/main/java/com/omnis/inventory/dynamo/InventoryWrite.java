package com.omnis.inventory.dynamo;

import com.omnis.shared.inventory.StockKey;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The actions of one inventory change and, index for index, what each writes: a part of a
 * larger transaction reads its cancellation reasons through {@link #targets} (which stock record
 * or which hold refused).
 */
public record InventoryWrite(List<TransactWriteItem> actions, List<Target> targets) {

    public InventoryWrite {
        actions = List.copyOf(actions);
        targets = List.copyOf(targets);
        if (actions.size() != targets.size()) {
            throw new IllegalArgumentException("one target per action");
        }
    }

    /** What an action writes. */
    public sealed interface Target {
    }

    /** A stock record (an update, a delete or a version check). */
    public record Stock(StockKey key) implements Target {
    }

    /** A reservation. */
    public record Hold(String reservationId) implements Target {
    }

    /** An owner's count of open holds, refused when a new hold would exceed the limits. */
    public record Limit(String owner) implements Target {
    }

    /** A transfer or the outbox item: never refused for a reason the caller acts on. */
    public record Other() implements Target {
    }
}
