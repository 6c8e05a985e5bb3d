package com.omnis.carts.dynamo;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartChangedException;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.service.CartRepository;

import static com.omnis.carts.dynamo.CartItems.n;
import static com.omnis.carts.dynamo.CartItems.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Carts in {@code CARTS_TABLE} (key {@code cartId}, TTL {@code expiresAt}), laid out by {@link CartItems}.
 * Reads, inserts and transactions go through the Enhanced Client's document API (schema built once);
 * a line edit is one {@code UpdateItem} on the low-level client, because only an update expression
 * can change one map entry ({@code SET lines.#sku = …}) and bump the version in the same atomic write.
 */
public final class DynamoCartRepository implements CartRepository {

    /** The keys and indexes this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), CartItems.CART_ID, AttributeValueType.S)
            .build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient dynamo;
    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCartRepository(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, String tableName) {
        this.enhanced = enhanced;
        this.dynamo = dynamo;
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return read(id.value()).filter(CartItems::isCart).map(CartItems::fromItem);
    }

    @Override
    public Optional<Cart> findCustomerCart(String customerId) {
        return read(CartItems.pointerKey(customerId))
                .map(pointer -> pointer.get(CartItems.ACTIVE_CART_ID))
                .flatMap(id -> find(new CartId(id.s())));
    }

    private Optional<Map<String, AttributeValue>> read(String key) {
        EnhancedDocument document = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(key).build())
                .consistentRead(true)
                .build());
        return Optional.ofNullable(document).map(EnhancedDocument::toMap);
    }

    @Override
    public void insertGuestCart(Cart cart) {
        table.putItem(PutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(document(CartItems.toItem(cart)))
                .conditionExpression(absent())
                .build());
    }

    @Override
    public boolean insertCustomerCart(Cart cart, Optional<CartId> replacing) {
        String customerId = cart.customerId().orElseThrow(() -> new IllegalArgumentException("not a customer cart"));
        Expression pointerCondition = replacing
                .map(previous -> Expression.builder()
                        .expression("#active = :previous")
                        .putExpressionName("#active", CartItems.ACTIVE_CART_ID)
                        .putExpressionValue(":previous", s(previous.value()))
                        .build())
                .orElse(absent());
        try {
            enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                            .item(document(CartItems.pointer(customerId, cart.id())))
                            .conditionExpression(pointerCondition)
                            .build())
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                            .item(document(CartItems.toItem(cart)))
                            .conditionExpression(absent())
                            .build())
                    .build());
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public void saveMerge(Cart target, long targetVersionRead, Cart closedGuest, long guestVersionRead) {
        try {
            enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                            .item(document(CartItems.toItem(target)))
                            .conditionExpression(activeAtVersion(targetVersionRead))
                            .build())
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
                            .item(document(CartItems.toItem(closedGuest)))
                            .conditionExpression(activeAtVersion(guestVersionRead))
                            .build())
                    .build());
        } catch (TransactionCanceledException e) {
            throw new CartChangedException("a cart of the merge changed meanwhile");
        }
    }

    @Override
    public Cart update(CartId id, CartUpdate update) {
        UpdateStatement statement = UpdateStatement.of(update);
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table.tableName())
                    .key(Map.of(CartItems.CART_ID, s(id.value())))
                    .updateExpression(statement.updateExpression())
                    .conditionExpression(statement.conditionExpression())
                    .expressionAttributeNames(statement.names())
                    .expressionAttributeValues(statement.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes();
            return CartItems.fromItem(after);
        } catch (ConditionalCheckFailedException e) {
            throw new CartChangedException("the cart changed: " + update.edit().getClass().getSimpleName() + " no longer applies");
        }
    }

    private static EnhancedDocument document(Map<String, AttributeValue> item) {
        return EnhancedDocument.fromAttributeValueMap(item);
    }

    private static Expression absent() {
        return Expression.builder()
                .expression("attribute_not_exists(#key)")
                .putExpressionName("#key", CartItems.CART_ID)
                .build();
    }

    private static Expression activeAtVersion(long version) {
        return Expression.builder()
                .expression("#status = :active AND #version = :version")
                .putExpressionName("#status", CartItems.STATUS)
                .putExpressionName("#version", CartItems.VERSION)
                .putExpressionValue(":active", s(CartStatus.ACTIVE.name()))
                .putExpressionValue(":version", n(version))
                .build();
    }

    /**
     * One {@link CartUpdate} as a single {@code UpdateItem}: the edit's own SET/REMOVE on its map
     * entry, the common version/channel/expiry bookkeeping, and the edit's precondition, mirroring
     * {@link Cart#apply}.
     */
    private record UpdateStatement(List<String> sets, List<String> removes, List<String> conditions,
                                   Map<String, String> names, Map<String, AttributeValue> values) {

        static UpdateStatement of(CartUpdate update) {
            UpdateStatement statement = new UpdateStatement(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new HashMap<>(), new HashMap<>());
            statement.common(update);
            statement.edit(update.edit());
            return statement;
        }

        private void common(CartUpdate update) {
            name("#cartId", CartItems.CART_ID);
            name("#status", CartItems.STATUS);
            name("#version", CartItems.VERSION);
            name("#updatedAt", CartItems.UPDATED_AT);
            name("#firstSeen", CartItems.FIRST_SEEN);
            name("#lastSeen", CartItems.LAST_SEEN);
            name("#channel", update.channel().code());
            value(":active", s(CartStatus.ACTIVE.name()));
            value(":one", n(1));
            value(":at", s(update.at().toString()));
            conditions.add("attribute_exists(#cartId)");
            conditions.add("#status = :active");
            update.expectedVersion().ifPresent(expected -> {
                value(":expectedVersion", n(expected));
                conditions.add("#version = :expectedVersion");
            });
            sets.add("#version = #version + :one");
            sets.add("#updatedAt = :at");
            sets.add("#firstSeen.#channel = if_not_exists(#firstSeen.#channel, :at)");
            sets.add("#lastSeen.#channel = :at");
            update.expiresAt().ifPresent(expiry -> {
                name("#expiresAt", CartItems.EXPIRES_AT);
                value(":expiresAt", n(expiry.getEpochSecond()));
                sets.add("#expiresAt = :expiresAt");
            });
        }

        private void edit(CartEdit edit) {
            switch (edit) {
                case CartEdit.AddLine add -> {
                    lineNames(add.line().sku().value());
                    value(":line", CartItems.line(add.line()));
                    value(":maxLines", n(Cart.MAX_LINES));
                    conditions.add("attribute_not_exists(#lines.#sku)");
                    conditions.add("size(#lines) < :maxLines");
                    sets.add("#lines.#sku = :line");
                }
                case CartEdit.IncreaseQuantity increase -> {
                    lineNames(increase.sku().value());
                    name("#quantity", CartItems.QUANTITY);
                    value(":by", n(increase.by()));
                    value(":highestBefore", n(Cart.MAX_QUANTITY - increase.by()));
                    conditions.add("#lines.#sku.#quantity <= :highestBefore");
                    sets.add("#lines.#sku.#quantity = #lines.#sku.#quantity + :by");
                }
                case CartEdit.SetQuantity set -> {
                    lineNames(set.sku().value());
                    name("#quantity", CartItems.QUANTITY);
                    value(":quantity", n(set.quantity()));
                    conditions.add("attribute_exists(#lines.#sku)");
                    sets.add("#lines.#sku.#quantity = :quantity");
                }
                case CartEdit.RemoveLine remove -> {
                    lineNames(remove.sku().value());
                    conditions.add("attribute_exists(#lines.#sku)");
                    removes.add("#lines.#sku");
                }
                case CartEdit.AddPromoCode add -> {
                    codeNames(add.code());
                    value(":maxCodes", n(Cart.MAX_PROMO_CODES));
                    conditions.add("attribute_not_exists(#codes.#code)");
                    conditions.add("size(#codes) < :maxCodes");
                    sets.add("#codes.#code = :at");
                }
                case CartEdit.RemovePromoCode remove -> {
                    codeNames(remove.code());
                    conditions.add("attribute_exists(#codes.#code)");
                    removes.add("#codes.#code");
                }
            }
        }

        private void lineNames(String sku) {
            name("#lines", CartItems.LINES);
            name("#sku", sku);
        }

        private void codeNames(String code) {
            name("#codes", CartItems.PROMO_CODES);
            name("#code", code);
        }

        private void name(String placeholder, String attribute) {
            names.put(placeholder, attribute);
        }

        private void value(String placeholder, AttributeValue value) {
            values.put(placeholder, value);
        }

        String updateExpression() {
            String set = "SET " + String.join(", ", sets);
            return removes.isEmpty() ? set : set + " REMOVE " + String.join(", ", removes);
        }

        String conditionExpression() {
            return String.join(" AND ", conditions);
        }
    }
}
