package com.omnis.shared.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes the parts of several contexts as one {@code TransactWriteItems}: all or nothing. A
 * cancellation is read back part by part: the first part (in the order given) whose own condition
 * failed reports its domain outcome; a cancellation for throttling or a conflicting transaction is
 * left to {@link Retry}; one that no part claims is a {@link StaleWriteException} (read, decide, retry).
 */
public final class Transaction {

    /** DynamoDB's limit on the actions of one transaction. */
    public static final int MAX_ACTIONS = 100;

    private final DynamoDbClient dynamo;

    public Transaction(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public void write(List<TransactionPart> parts) {
        write(parts, null);
    }

    /** As {@link #write(List)}; {@code clientRequestToken} makes a retried call within 10 minutes a no-op. */
    public void write(List<TransactionPart> parts, String clientRequestToken) {
        List<TransactWriteItem> actions = new ArrayList<>();
        parts.forEach(part -> actions.addAll(part.actions()));
        if (actions.isEmpty()) {
            return;
        }
        if (actions.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("a transaction holds at most " + MAX_ACTIONS + " actions, not " + actions.size());
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(actions)
                    .clientRequestToken(clientRequestToken).build());
        } catch (TransactionCanceledException e) {
            if (Retry.isThrottling(e) || !e.hasCancellationReasons()) {
                throw e;
            }
            throw refusal(parts, e.cancellationReasons()).orElseGet(
                    () -> new StaleWriteException("the transaction was cancelled: " + codes(e.cancellationReasons())));
        }
    }

    /** The outcome of the first part whose own actions' reasons say it refused; reasons are in action order. */
    static Optional<RuntimeException> refusal(List<TransactionPart> parts, List<CancellationReason> reasons) {
        int from = 0;
        for (TransactionPart part : parts) {
            int to = from + part.actions().size();
            List<CancellationReason> own = reasons.subList(Math.min(from, reasons.size()), Math.min(to, reasons.size()));
            Optional<RuntimeException> outcome = part.refusal(own);
            if (outcome.isPresent()) {
                return outcome;
            }
            from = to;
        }
        return Optional.empty();
    }

    public static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static String codes(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code).toList().toString();
    }
}
