package com.omnis.shared.dynamo;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What one bounded context contributes to a transaction that spans several: its write actions,
 * and how to read the cancellation reasons of exactly those actions back into its own domain
 * outcome ("the cart changed since it was priced", "not enough SHOE-RUN-42 at store-lyon").
 *
 * <p>A flow outside the contexts (checkout) puts the parts of carts, inventory, idempotency and
 * outbox into one {@code TransactWriteItems} with {@link Transaction}; when DynamoDB refuses it,
 * each part is handed the reasons at its own indexes, so the flow knows which part refused and why.
 */
public interface TransactionPart {

    /** This part's actions, in the order its {@link #refusal} expects their reasons. */
    List<TransactWriteItem> actions();

    /**
     * The outcome to report when the transaction was cancelled, given the reasons of this part's
     * own actions (same order as {@link #actions()}; a reason's code is {@code None} where that action
     * was fine); empty when none of this part's conditions failed.
     */
    Optional<RuntimeException> refusal(List<CancellationReason> reasons);

    /** A part whose every condition failure means the same outcome. */
    static TransactionPart of(List<TransactWriteItem> actions, Function<List<CancellationReason>, RuntimeException> onFailedCondition) {
        List<TransactWriteItem> copy = List.copyOf(actions);
        return new TransactionPart() {
            @Override
            public List<TransactWriteItem> actions() {
                return copy;
            }

            @Override
            public Optional<RuntimeException> refusal(List<CancellationReason> reasons) {
                return reasons.stream().anyMatch(Transaction::conditionFailed)
                        ? Optional.of(onFailedCondition.apply(reasons)) : Optional.empty();
            }
        };
    }

    /** A part with no condition of its own (an outbox append, a new order under a fresh id). */
    static TransactionPart unconditional(List<TransactWriteItem> actions) {
        return of(actions, reasons -> new StaleWriteException("an unconditional write was refused"));
    }
}
