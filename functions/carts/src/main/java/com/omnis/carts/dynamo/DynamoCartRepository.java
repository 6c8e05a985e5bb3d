package com.omnis.carts.dynamo;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.service.CartRepository;
import com.omnis.shared.cart.CartLayout;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Carts in {@code CARTS_TABLE} (key {@code cartId}, TTL {@code expiresAt}), laid out by {@link CartItems},
 * on the low-level client only: an edit is one {@code UpdateItem} (only an update expression can change
 * one map entry and bump the version in the same atomic write), and every write of several items is a
 * {@link Transaction} of parts that read their own cancellation reasons. A refused condition is a
 * {@link StaleWriteException} for the service to read again; throttling is left to {@code Retry}.
 */
public final class DynamoCartRepository implements CartRepository {

    /** The keys and indexes this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = CartLayout.SCHEMA;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Transaction transaction;

    public DynamoCartRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.transaction = new Transaction(dynamo);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return read(CartItems.key(id)).filter(CartItems::isCart).map(CartItems::fromItem);
    }

    @Override
    public Optional<Cart> findCustomerCart(CustomerId customerId) {
        return read(CartItems.pointerKey(customerId)).flatMap(CartItems::activeCartOf).flatMap(this::find);
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public void insertGuestCart(Cart cart) {
        var insert = CartItems.insert(table, cart);
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(insert.item())
                .conditionExpression(insert.conditionExpression())
                .expressionAttributeNames(insert.expressionAttributeNames())
                .build());
    }

    @Override
    public boolean insertCustomerCart(Cart cart, Optional<CartId> replacing) {
        CustomerId customerId = cart.customerId().orElseThrow(() -> new IllegalArgumentException("not a customer cart"));
        TransactionPart pointer = TransactionPart.of(
                List.of(TransactWriteItem.builder().put(CartItems.pointTo(table, customerId, cart.id(), replacing)).build()),
                reasons -> new StaleWriteException("another device opened the customer's cart first"));
        TransactionPart fresh = TransactionPart.of(
                List.of(TransactWriteItem.builder().put(CartItems.insert(table, cart)).build()),
                reasons -> new StaleWriteException("the cart id is taken"));
        try {
            transaction.write(List.of(pointer, fresh));
            return true;
        } catch (StaleWriteException lostRace) {
            return false;
        }
    }

    @Override
    public void saveMerge(Cart target, long targetVersionRead, Cart closedGuest, long guestVersionRead) {
        transaction.write(List.of(
                TransactionPart.of(List.of(TransactWriteItem.builder()
                                .put(CartItems.replaceIfActiveAt(table, target, targetVersionRead)).build()),
                        reasons -> new StaleWriteException("the customer's cart changed during the merge")),
                TransactionPart.of(List.of(TransactWriteItem.builder()
                                .put(CartItems.replaceIfActiveAt(table, closedGuest, guestVersionRead)).build()),
                        reasons -> new StaleWriteException("the guest cart changed during the merge"))));
    }

    @Override
    public Cart update(CartId id, CartUpdate update) {
        try {
            return CartItems.fromItem(dynamo.updateItem(CartItems.update(table, id, update)).attributes());
        } catch (ConditionalCheckFailedException e) {
            throw new StaleWriteException("the cart changed: " + update.edit().getClass().getSimpleName() + " no longer applies");
        }
    }

    /**
     * The checkout's part: {@code cart} becomes CHECKED_OUT for {@code orderId} if it is still ACTIVE at
     * {@code expectedVersion}, and a customer's active-cart pointer is cleared in the same transaction.
     * Refused, it tells the cart that moved on ({@code cart-changed}) from the one already closed
     * ({@code cart-closed}) by the stored cart DynamoDB returns with the cancellation (or a fresh read).
     */
    public TransactionPart checkOut(CartId id, long expectedVersion, Optional<CustomerId> customer, String orderId,
                                    Instant at) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().update(CartItems.checkOut(table, id, expectedVersion, orderId, at)).build());
        customer.ifPresent(owner -> actions.add(TransactWriteItem.builder()
                .delete(CartItems.clearPointer(table, owner, id)).build()));
        List<TransactWriteItem> copy = List.copyOf(actions);
        return new TransactionPart() {
            @Override
            public List<TransactWriteItem> actions() {
                return copy;
            }

            @Override
            public Optional<RuntimeException> refusal(List<CancellationReason> reasons) {
                if (reasons.stream().noneMatch(Transaction::conditionFailed)) {
                    return Optional.empty();
                }
                CancellationReason cart = reasons.getFirst();
                Optional<Cart> stored = Transaction.conditionFailed(cart) && cart.hasItem() && !cart.item().isEmpty()
                        ? Optional.of(cart.item()).filter(CartItems::isCart).map(CartItems::fromItem)
                        : find(id);
                return Optional.of(refusalFor(id, expectedVersion, stored));
            }
        };
    }

    private static ConflictException refusalFor(CartId id, long expectedVersion, Optional<Cart> stored) {
        if (stored.isPresent() && !stored.get().isActive()) {
            String detail = stored.get().status() == CartStatus.CHECKED_OUT
                    ? "the cart " + id + " is already checked out"
                    : "the cart " + id + " is " + stored.get().status() + " and can no longer be checked out";
            return new ConflictException("cart-closed", "Cart closed", detail, null);
        }
        String detail = stored
                .map(cart -> "the cart " + id + " is at version " + cart.version() + ", not " + expectedVersion
                        + " that was priced; review it and check out again")
                .orElse("the cart " + id + " no longer exists");
        return new ConflictException("cart-changed", "Cart changed", detail, null);
    }
}
