package com.omnis.shared.cart;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link CartHistory} on {@code CARTS_TABLE}, on the low-level client and attribute by attribute, so this
 * reader needs no type of the carts function and tolerates attributes it does not know (a newer deploy's).
 * IAM: {@code dynamodb:GetItem} on the table, {@code dynamodb:Query} on {@code index/byCustomer}.
 */
public final class DynamoCartHistory implements CartHistory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCartHistory(DynamoDbClient dynamo, String cartsTable) {
        this.dynamo = dynamo;
        this.table = cartsTable;
    }

    @Override
    public Optional<ActiveCart> active(CustomerId customer) {
        return get(CartLayout.pointerId(customer.value()))
                .map(pointer -> pointer.get(CartLayout.ACTIVE_CART_ID))
                .filter(id -> id.s() != null)
                .flatMap(id -> get(id.s()))
                // the pointer names the customer's own cart, still open; anything else is no active cart
                .filter(cart -> CartLayout.CART_TYPE.equals(text(cart, CartLayout.ITEM_TYPE))
                        && customer.value().equals(text(cart, CartLayout.CUSTOMER_ID))
                        && CartLayout.ACTIVE.equals(text(cart, CartLayout.STATUS)))
                .map(DynamoCartHistory::activeCart);
    }

    @Override
    public List<JsonNode> all(CustomerId customer) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(CartLayout.BY_CUSTOMER)
                        .keyConditionExpression("#c = :c")
                        .expressionAttributeNames(Map.of("#c", CartLayout.CUSTOMER_ID))
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer.value()))))
                .items().forEach(item -> {
                    if (CartLayout.CART_TYPE.equals(text(item, CartLayout.ITEM_TYPE))) {
                        items.add(item);
                    }
                });
        items.sort(Comparator.comparing((Map<String, AttributeValue> item) -> instant(item, CartLayout.CREATED_AT),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(item -> text(item, CartLayout.CART_ID)));
        return items.stream().map(DynamoCartHistory::json).toList();
    }

    private Optional<Map<String, AttributeValue>> get(String cartId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(CartLayout.CART_ID, AttributeValue.fromS(cartId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static ActiveCart activeCart(Map<String, AttributeValue> item) {
        String currency = text(item, CartLayout.CURRENCY);
        List<Line> lines = new ArrayList<>();
        map(item, CartLayout.LINES).forEach((sku, value) -> {
            Map<String, AttributeValue> line = value.hasM() ? value.m() : Map.of();
            Long price = number(line, CartLayout.SEEN_UNIT_PRICE);
            Long quantity = number(line, CartLayout.QUANTITY);
            lines.add(new Line(sku, quantity == null ? 0 : quantity.intValue(),
                    price == null || currency == null ? null : money(price, currency), instant(line, CartLayout.ADDED_AT)));
        });
        lines.sort(Comparator.comparing(Line::addedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Line::sku));
        List<Map.Entry<String, Instant>> visits = new ArrayList<>();
        map(item, CartLayout.FIRST_SEEN).forEach((channel, at) -> visits.add(Map.entry(channel, parse(at.s()))));
        visits.sort(Map.Entry.<String, Instant>comparingByValue(Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> channels = visits.stream().map(Map.Entry::getKey).toList();
        Long expiresAt = number(item, CartLayout.EXPIRES_AT);
        return new ActiveCart(text(item, CartLayout.CART_ID), text(item, CartLayout.STATUS), currency,
                channels.isEmpty() ? null : channels.getFirst(), channels, lines, instant(item, CartLayout.UPDATED_AT),
                expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
    }

    private static JsonNode json(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readTree(EnhancedDocument.fromAttributeValueMap(item).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Money money(long amount, String currency) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException unknownCurrency) {
            return null;
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            return null;
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return parse(text(item, name));
    }

    private static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }
}
