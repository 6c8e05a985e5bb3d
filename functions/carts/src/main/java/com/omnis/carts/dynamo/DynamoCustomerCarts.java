package com.omnis.carts.dynamo;

import com.omnis.carts.domain.CartId;
import com.omnis.carts.service.CustomerCarts;
import com.omnis.shared.cart.CartLayout;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link CustomerCarts} on {@code CARTS_TABLE} and {@code OUTBOX_TABLE}. The customer's carts are listed by
 * the sparse {@code byCustomer} index plus the active-cart pointer (the index follows writes late, the
 * pointer does not), and each is confirmed by a consistent read. They are deleted in transactions of at most
 * {@link Transaction#MAX_ACTIONS} actions; the last one also deletes the pointer and appends the answer.
 */
public final class DynamoCustomerCarts implements CustomerCarts {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String outbox;
    private final Transaction transaction;

    public DynamoCustomerCarts(DynamoDbClient dynamo, String cartsTable, String outboxTable) {
        this.dynamo = dynamo;
        this.table = cartsTable;
        this.outbox = outboxTable;
        this.transaction = new Transaction(dynamo);
    }

    @Override
    public List<CartId> cartsOf(CustomerId customer) {
        TreeSet<String> listed = new TreeSet<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(CartLayout.BY_CUSTOMER)
                        .keyConditionExpression("#customer = :customer")
                        .projectionExpression("#cartId")
                        .expressionAttributeNames(Map.of("#customer", CartItems.CUSTOMER_ID, "#cartId", CartItems.CART_ID))
                        .expressionAttributeValues(Map.of(":customer", CartItems.s(customer.value()))))
                .items().forEach(item -> listed.add(item.get(CartItems.CART_ID).s()));
        read(CartItems.pointerKey(customer)).flatMap(CartItems::activeCartOf).ifPresent(id -> listed.add(id.value()));
        return listed.stream().map(CartId::parse).flatMap(Optional::stream)
                .filter(id -> read(CartItems.key(id)).filter(item -> isCartOf(item, customer)).isPresent())
                .toList();
    }

    @Override
    public void erase(CustomerId customer, List<CartId> carts, DomainEvent answer) {
        List<TransactWriteItem> deletes = carts.stream()
                .map(id -> TransactWriteItem.builder().delete(deleteIfTheirs(id, customer)).build()).toList();
        List<TransactWriteItem> last = List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(CartItems.pointerKey(customer))
                        .build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(outbox)
                        .item(OutboxRecord.of(List.of(answer), answer.occurredAt()).toItem()).build()).build());
        int room = Transaction.MAX_ACTIONS - last.size();
        int from = 0;
        // the earlier transactions: only carts; the last one holds what remains, the pointer and the answer
        while (deletes.size() - from > room) {
            int to = Math.min(from + Transaction.MAX_ACTIONS, deletes.size() - room);
            transaction.write(List.of(part(deletes.subList(from, to))));
            from = to;
        }
        List<TransactWriteItem> closing = new ArrayList<>(deletes.subList(from, deletes.size()));
        closing.addAll(last);
        transaction.write(List.of(part(closing)));
    }

    private Delete deleteIfTheirs(CartId id, CustomerId customer) {
        return Delete.builder().tableName(table).key(CartItems.key(id))
                .conditionExpression("attribute_not_exists(#cartId) OR #customer = :customer")
                .expressionAttributeNames(Map.of("#cartId", CartItems.CART_ID, "#customer", CartItems.CUSTOMER_ID))
                .expressionAttributeValues(Map.of(":customer", CartItems.s(customer.value())))
                .build();
    }

    private static TransactionPart part(List<TransactWriteItem> actions) {
        // a cart listed as the customer's that names someone else is a defect, never a race: no retry
        return TransactionPart.of(actions, reasons -> new IllegalStateException("a cart to erase is not the customer's"));
    }

    private static boolean isCartOf(Map<String, AttributeValue> item, CustomerId customer) {
        AttributeValue owner = item.get(CartItems.CUSTOMER_ID);
        return CartItems.isCart(item) && owner != null && customer.value().equals(owner.s());
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
