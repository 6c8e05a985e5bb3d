package com.omnis.shared.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link OrderHistory} on {@code ORDERS_TABLE}. The order's JSON document is read as a tree, field by
 * field, so this reader needs no type of the orders function and tolerates fields it does not know.
 */
public final class DynamoOrderHistory implements OrderHistory {

    private static final Set<String> CLOSED = Set.of("completed", "cancelled");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrderHistory(DynamoDbClient dynamo, String ordersTable) {
        this.dynamo = dynamo;
        this.table = ordersTable;
    }

    @Override
    public List<OrderSummary> recent(CustomerId customer, int limit) {
        return dynamo.query(byCustomer(customer).limit(limit).build()).items().stream()
                .map(DynamoOrderHistory::summary).toList();
    }

    @Override
    public List<JsonNode> all(CustomerId customer) {
        List<JsonNode> orders = new ArrayList<>();
        dynamo.queryPaginator(byCustomer(customer).build()).items().forEach(item -> orders.add(doc(item)));
        return orders;
    }

    @Override
    public Optional<CustomerId> customerOf(String orderNumber) {
        return dynamo.query(b -> b.tableName(table).indexName(OrderLayout.BY_NUMBER)
                        .keyConditionExpression("#n = :n")
                        .expressionAttributeNames(Map.of("#n", OrderLayout.NUMBER))
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(orderNumber))))
                .items().stream()
                .filter(item -> OrderLayout.ORDER_SK.equals(item.get(OrderLayout.SK).s()) && item.containsKey(OrderLayout.DOC))
                .map(item -> doc(item).path("customerId").asText(""))
                .filter(id -> !id.isBlank())
                .findFirst().map(CustomerId::of);
    }

    @Override
    public List<OpenMatter> openMatters(CustomerId customer, Instant now) {
        List<OpenMatter> open = new ArrayList<>();
        dynamo.queryPaginator(byCustomer(customer).build()).items().forEach(item -> {
            JsonNode doc = doc(item);
            String orderId = doc.path("orderId").asText();
            String number = doc.path("number").asText();
            // an order written before status was stored reads as open: waiting is the safe side
            AttributeValue status = item.get(OrderLayout.STATUS);
            if (status == null || !CLOSED.contains(status.s())) {
                open.add(new OpenMatter(orderId, number, "order-open", null));
            }
            doc.path("returns").forEach(r -> {
                if ("requested".equals(r.path("status").asText())) {
                    open.add(new OpenMatter(orderId, number, "return-open", null));
                }
            });
            doc.path("claims").forEach(c -> {
                if ("open".equals(c.path("status").asText())) {
                    open.add(new OpenMatter(orderId, number, "claim-open", null));
                }
            });
            String last = doc.path("updatedAt").asText(doc.path("placedAt").asText(""));
            if (!last.isBlank() && !"cancelled".equals(status == null ? null : status.s())) {
                Instant until = Instant.parse(last).plus(DISPUTE_WINDOW);
                if (until.isAfter(now)) {
                    open.add(new OpenMatter(orderId, number, "payment-dispute-window", until));
                }
            }
        });
        return open;
    }

    private QueryRequest.Builder byCustomer(CustomerId customer) {
        return QueryRequest.builder().tableName(table).indexName(OrderLayout.BY_CUSTOMER)
                .keyConditionExpression("#c = :c")
                .expressionAttributeNames(Map.of("#c", OrderLayout.CUSTOMER_KEY))
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(OrderLayout.customerKey(customer.value()))))
                .scanIndexForward(false);
    }

    private static OrderSummary summary(Map<String, AttributeValue> item) {
        JsonNode doc = doc(item);
        List<FulfilmentSummary> fulfilments = new ArrayList<>();
        doc.path("fulfilments").forEach(f -> fulfilments.add(new FulfilmentSummary(f.path("fulfilmentId").asText(),
                f.path("kind").asText(), f.path("locationId").asText(), f.path("state").asText())));
        List<String> openReturns = new ArrayList<>();
        doc.path("returns").forEach(r -> {
            if ("requested".equals(r.path("status").asText())) {
                openReturns.add(r.path("returnId").asText());
            }
        });
        List<String> openClaims = new ArrayList<>();
        doc.path("claims").forEach(c -> {
            if ("open".equals(c.path("status").asText())) {
                openClaims.add(c.path("claimId").asText());
            }
        });
        AttributeValue status = item.get(OrderLayout.STATUS);
        return new OrderSummary(doc.path("orderId").asText(), doc.path("number").asText(), doc.path("channel").asText(),
                status == null ? null : status.s(), Instant.parse(doc.path("placedAt").asText()),
                doc.path("totals").path("total"), fulfilments, openReturns, openClaims,
                doc.path("payment").path("status").asText(null));
    }

    private static JsonNode doc(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readTree(item.get(OrderLayout.DOC).s());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
