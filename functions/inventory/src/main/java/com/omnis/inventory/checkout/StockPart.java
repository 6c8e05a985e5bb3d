package com.omnis.inventory.checkout;

import com.omnis.inventory.dynamo.InventoryWrite;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Inventory's part of a checkout-side transaction: stock records, holds and the outbox item with
 * their {@code StockChanged} (and {@code LowStock}, {@code BackInStock}) events. When the
 * transaction is cancelled, {@link #refusal} reads the reasons of exactly these actions: a refused
 * hold or stock record is looked at again, and the answer is the domain outcome (409
 * {@code insufficient-stock}, {@code reservation-expired}, {@code reservation-closed}) when the
 * state says so, or a {@link StaleWriteException} (read, decide, retry with {@code Retry}) when the
 * record only moved.
 */
public final class StockPart implements TransactionPart {

    private final InventoryWrite write;
    private final List<DomainEvent> events;
    private final Function<List<InventoryWrite.Target>, Optional<RuntimeException>> onRefused;

    StockPart(InventoryWrite write, List<DomainEvent> events,
              Function<List<InventoryWrite.Target>, Optional<RuntimeException>> onRefused) {
        this.write = write;
        this.events = List.copyOf(events);
        this.onRefused = onRefused;
    }

    @Override
    public List<TransactWriteItem> actions() {
        return write.actions();
    }

    /** The events this part puts in the outbox (the same transaction). */
    public List<DomainEvent> events() {
        return events;
    }

    @Override
    public Optional<RuntimeException> refusal(List<CancellationReason> reasons) {
        List<InventoryWrite.Target> refused = new ArrayList<>();
        for (int i = 0; i < reasons.size() && i < write.targets().size(); i++) {
            if (Transaction.conditionFailed(reasons.get(i))) {
                refused.add(write.targets().get(i));
            }
        }
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(onRefused.apply(refused).orElseGet(
                () -> new StaleWriteException("a stock record or hold moved since it was read")));
    }
}
