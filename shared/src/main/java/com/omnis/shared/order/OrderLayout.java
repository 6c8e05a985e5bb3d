package com.omnis.shared.order;

/**
 * The attribute names of {@code ORDERS_TABLE} that readers outside the orders function use (the orders
 * function's {@code OrderItems} lays the items out with these names and no others): an order item is
 * {@code pk = order#<id>, sk = order}, its JSON document in {@code doc}, {@code status} (derived from the
 * fulfilments when written), and {@code customerKey} + {@code placedKey} for {@link #BY_CUSTOMER}.
 */
public final class OrderLayout {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String DOC = "doc";
    public static final String STATUS = "status";
    public static final String NUMBER = "number";
    public static final String CUSTOMER_KEY = "customerKey";
    public static final String PLACED_KEY = "placedKey";
    public static final String BY_CUSTOMER = "byCustomer";
    public static final String BY_NUMBER = "byNumber";
    public static final String ORDER_SK = "order";

    private OrderLayout() {
    }

    /** The {@link #BY_CUSTOMER} partition of a customer's orders. */
    public static String customerKey(String customerId) {
        return "customer#" + customerId;
    }
}
