package com.omnis.shared.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.error.ConflictException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class TransactionTest {

    private static final CancellationReason OK = CancellationReason.builder().code("None").build();
    private static final CancellationReason FAILED = CancellationReason.builder().code("ConditionalCheckFailed").build();

    @Test
    void eachPartReadsOnlyTheReasonsOfItsOwnActions() {
        // given: a cart part of 1 action, a stock part of 2, an outbox part of 1
        TransactionPart cart = TransactionPart.of(actions(1), r -> new ConflictException("cart-changed", "Cart changed", "cart", null));
        TransactionPart stock = TransactionPart.of(actions(2), r -> new ConflictException("out-of-stock", "Out of stock",
                "line " + r.indexOf(FAILED), null));
        TransactionPart outbox = TransactionPart.unconditional(actions(1));

        // when: the second stock action failed its condition
        Optional<RuntimeException> outcome = Transaction.refusal(List.of(cart, stock, outbox), List.of(OK, OK, FAILED, OK));

        // then: the stock part claims it, naming its own index
        assertThat(outcome).get().isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("out-of-stock");
            assertThat(e.detail()).isEqualTo("line 1");
        });
    }

    @Test
    void noPartClaimsACancellationWithoutFailedConditions() {
        TransactionPart cart = TransactionPart.of(actions(1), r -> new IllegalStateException("cart"));

        assertThat(Transaction.refusal(List.of(cart), List.of(OK))).isEmpty();
    }

    private static List<TransactWriteItem> actions(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> TransactWriteItem.builder().put(Put.builder().tableName("t").build()).build()).toList();
    }
}
