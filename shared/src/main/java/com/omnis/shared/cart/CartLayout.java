package com.omnis.shared.cart;

import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The attribute names of {@code CARTS_TABLE} that readers outside the carts function use (the carts
 * function's {@code CartItems} lays the items out with these names): a cart item is keyed by
 * {@code cartId} (a UUID), {@code itemType = CART}; a customer's cart carries {@code customerId}, a guest's
 * {@code tokenHash} instead, so only customers' carts are in the sparse {@link #BY_CUSTOMER} index. A
 * customer's active cart is named by the pointer item {@code cartId = customer#<id>}, {@code itemType =
 * ACTIVE_CART}, {@code activeCartId}.
 */
public final class CartLayout {

    public static final String CART_ID = "cartId";
    public static final String ITEM_TYPE = "itemType";
    public static final String CART_TYPE = "CART";
    public static final String POINTER_TYPE = "ACTIVE_CART";
    public static final String ACTIVE_CART_ID = "activeCartId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CURRENCY = "currency";
    public static final String STATUS = "status";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String LINES = "lines";
    public static final String QUANTITY = "quantity";
    public static final String SEEN_UNIT_PRICE = "seenUnitPrice";
    public static final String ADDED_AT = "addedAt";
    public static final String FIRST_SEEN = "channelsFirstSeen";
    public static final String LAST_SEEN = "channelsLastSeen";
    /** Customers' carts by {@link #CUSTOMER_ID} (sparse: guest carts and pointers have none), every attribute projected. */
    public static final String BY_CUSTOMER = "byCustomer";
    public static final String ACTIVE = "ACTIVE";

    /** The table's key and index, as the template must declare them (TemplateContractTest). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), CART_ID, AttributeValueType.S)
            .addIndexPartitionKey(BY_CUSTOMER, CUSTOMER_ID, AttributeValueType.S)
            .build();

    private CartLayout() {
    }

    /** The key of a customer's active-cart pointer. */
    public static String pointerId(String customerId) {
        return "customer#" + customerId;
    }
}
