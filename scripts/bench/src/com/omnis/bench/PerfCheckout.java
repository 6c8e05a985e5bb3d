package com.omnis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Checkout in {@link PerfBench}: {@code POST /orders} of a signed-in customer's cart, delivered from the
 * warehouse and paid by card, the handler called in process; the cart is filled through the carts function
 * before each call, untimed. Its floor is the access pattern's requests made directly: one consistent read
 * of the cart, one BatchGetItem of the products, one consistent Query of each SKU's stock records (sourcing
 * chooses among the locations), and one TransactWriteItems of a conditional update per stock record taken and
 * the items a checkout must write (the cart closed and the customer's pointer to it, the order's items, its
 * outbox record and its idempotency record), copied at their size from a real checkout made before the run
 * ({@link FloorItems}).
 */
final class PerfCheckout {

    static final String WAREHOUSE = "warehouse-orleans";

    private final LocalRuntime runtime;
    private final DynamoDbClient dynamo;
    private final Map<String, String> tables;
    private final LocalFunction carts;
    private final LocalFunction orders;
    private final List<String> skus;
    private final FloorItems floorItems;
    static final String OPS_TOKEN = DevTokens.forSubject("perf-ops").groups("ops").sign();

    PerfCheckout(LocalRuntime runtime, List<String> skus) {
        this.runtime = runtime;
        this.dynamo = runtime.dynamo().client();
        this.tables = runtime.dynamo().tableNames();
        this.carts = runtime.functions().get("CartsFunction").orElseThrow();
        this.orders = runtime.functions().get("OrdersFunction").orElseThrow();
        this.skus = skus;
        this.floorItems = new FloorItems(dynamo, tables);
    }

    /** Enough units of every SKU at the warehouse for {@code checkouts} checkouts of one unit a line. */
    void receive(int checkouts) {
        LocalFunction inventory = runtime.functions().get("InventoryFunction").orElseThrow();
        for (String sku : skus) {
            JsonNode answer = PerfBench.MAPPER.valueToTree(inventory.invoke(PerfBench.uncheckedEvent(
                    "inventory-post-movement-receipt-ops.json", e -> {
                        e.setHeaders(PerfBench.withHeader(e.getHeaders(), "idempotency-key", "perf-receipt-" + UUID.randomUUID()));
                        PerfBench.signedIn(e, OPS_TOKEN);
                        e.setBody("{\"type\": \"receipt\", \"sku\": \"" + sku + "\", \"locationId\": \"" + WAREHOUSE
                                + "\", \"quantity\": " + checkouts + "}");
                    })));
            if (answer.path("statusCode").asInt() != 201) {
                throw new IllegalStateException("receipt of " + sku + ": " + answer.path("body").asText());
            }
        }
    }

    /** A new customer's cart holding one unit of each of the first {@code lines} SKUs: the customer's token. */
    Filled fill(int lines) {
        return fill(skus.subList(0, lines));
    }

    /** {@code count} carts of {@link #fill(int)}, filled from two threads. */
    List<Filled> fillAll(int lines, int count) {
        return fillAll(count, i -> skus.subList(0, lines));
    }

    /** {@code count} carts, the i-th holding one unit of each of {@code linesOf(i)}, filled from two threads. */
    List<Filled> fillAll(int count, java.util.function.IntFunction<List<String>> linesOf) {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<Filled>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<String> lines = linesOf.apply(i);
                futures.add(pool.submit(() -> fill(lines)));
            }
            List<Filled> carts = new ArrayList<>();
            for (var future : futures) {
                carts.add(future.get());
            }
            return carts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A new customer's cart holding one unit of each of {@code lines}. */
    Filled fill(List<String> lines) {
        String customer = "perf-shopper-" + UUID.randomUUID();
        String token = DevTokens.customer(customer);
        JsonNode opened = call(carts, "carts-create-customer.json", "POST /carts", "/carts", Map.of(), token, null, null);
        String cartId = PerfBench.readTree(opened.path("body").asText()).path("id").asText();
        for (String sku : lines) {
            JsonNode added = call(carts, "carts-add-item.json", "POST /carts/{cartId}/items", "/carts/" + cartId + "/items",
                    Map.of("cartId", cartId), token, null, "{\"sku\": \"" + sku + "\", \"quantity\": 1}");
            if (added.path("statusCode").asInt() != 200) {
                throw new IllegalStateException("add " + sku + ": " + added.path("body").asText());
            }
        }
        return new Filled(cartId, token);
    }

    record Filled(String cartId, String token) {
    }

    /** {@code POST /orders} of {@code cart}: the order's id. */
    String checkout(Filled cart, String idempotencyKey) {
        return placed(orders.invoke(orderEvent(cart, idempotencyKey)));
    }

    /** The order's id in the handler's answer to {@code POST /orders}, which must be a 201. */
    static String placed(Object response) {
        JsonNode answer = PerfBench.MAPPER.valueToTree(response);
        if (answer.path("statusCode").asInt() != 201) {
            throw new IllegalStateException("checkout answered " + answer.path("statusCode").asInt() + ": " + answer.path("body").asText());
        }
        JsonNode order = PerfBench.readTree(answer.path("body").asText());
        return order.hasNonNull("orderId") ? order.path("orderId").asText() : order.path("id").asText();
    }

    /** {@code POST /orders} of {@code cart}: the handler's whole answer, whatever its status. */
    JsonNode order(Filled cart, String idempotencyKey) {
        return PerfBench.MAPPER.valueToTree(orders.invoke(orderEvent(cart, idempotencyKey)));
    }

    /** The event of {@code POST /orders} of {@code cart}, delivered to Paris and paid by card. */
    LambdaEvent orderEvent(Filled cart, String idempotencyKey) {
        String body = "{\"cartId\": \"" + cart.cartId() + "\", \"fulfilment\": {\"method\": \"delivery\", \"address\": "
                + "{\"line1\": \"1 rue de Rivoli\", \"postalCode\": \"75001\", \"city\": \"Paris\", \"country\": \"FR\"}},"
                + " \"payment\": {\"method\": \"card\", \"reference\": \"perf-" + idempotencyKey + "\"}}";
        return event("carts-create-customer.json", "POST /orders", "/orders", Map.of(), cart.token(), idempotencyKey, body);
    }

    LocalFunction orders() {
        return orders;
    }

    static JsonNode call(LocalFunction function, String sample, String routeKey, String path, Map<String, String> pathParameters,
                         String token, String idempotencyKey, String body) {
        return PerfBench.MAPPER.valueToTree(function.invoke(event(sample, routeKey, path, pathParameters, token, idempotencyKey, body)));
    }

    private static LambdaEvent event(String sample, String routeKey, String path, Map<String, String> pathParameters,
                                     String token, String idempotencyKey, String body) {
        return PerfBench.uncheckedEvent(sample, e -> {
            e.setRouteKey(routeKey);
            e.setRawPath("/dev" + path);
            e.getRequestContext().setRouteKey(routeKey);
            e.getRequestContext().getHttp().setMethod(routeKey.substring(0, routeKey.indexOf(' ')));
            e.getRequestContext().getHttp().setPath("/dev" + path);
            e.setPathParameters(pathParameters);
            Map<String, String> headers = new HashMap<>(e.getHeaders());
            headers.remove("x-cart-token");
            if (idempotencyKey != null) {
                headers.put("idempotency-key", idempotencyKey);
            }
            e.setHeaders(headers);
            PerfBench.signedIn(e, token);
            e.setBody(body);
        });
    }

    /** The items a real checkout of {@code lines} lines left in the orders, outbox and idempotency tables. */
    Leftovers leftovers(int lines) {
        Filled cart = fill(lines);
        List<Map<String, AttributeValue>> cartItems = floorItems.mentioning("CartsTable", cart.cartId());
        String key = "perf-probe-" + UUID.randomUUID();
        String orderId = checkout(cart, key);
        return new Leftovers(lines, cartItems, floorItems.mentioning("OrdersTable", orderId),
                floorItems.mentioning("OutboxTable", orderId), floorItems.mentioning("IdempotencyTable", key));
    }

    record Leftovers(int lines, List<Map<String, AttributeValue>> cartItems, List<Map<String, AttributeValue>> orderItems, List<Map<String, AttributeValue>> outboxItems,
                     List<Map<String, AttributeValue>> idempotencyItems) {
    }

    /** The floor of one checkout of {@code left.lines()} lines, as its access pattern needs it, on items of its own. */
    void floor(Leftovers left, int call) {
        String cartId = "perf-floor-cart-" + call;
        dynamo.getItem(r -> r.tableName(tables.get("CartsTable")).key(Map.of("cartId", AttributeValue.fromS(cartId)))
                .consistentRead(true));
        List<Map<String, AttributeValue>> productKeys = new ArrayList<>();
        for (String sku : skus.subList(0, left.lines())) {
            productKeys.add(Map.of("sku", AttributeValue.fromS(sku)));
        }
        dynamo.batchGetItem(r -> r.requestItems(Map.of(tables.get("ProductsTable"), KeysAndAttributes.builder().keys(productKeys).build())));
        // sourcing chooses among every location holding the SKU: one consistent Query of its stock records a SKU
        for (String sku : skus.subList(0, left.lines())) {
            dynamo.query(r -> r.tableName(tables.get("StockTable")).keyConditionExpression("sku = :sku").consistentRead(true)
                    .expressionAttributeValues(Map.of(":sku", AttributeValue.fromS(sku))));
        }
        List<TransactWriteItem> actions = new ArrayList<>();
        for (String sku : skus.subList(0, left.lines())) {
            Map<String, AttributeValue> stockKey = Map.of("sku", AttributeValue.fromS("perf-floor-" + sku), "slot", AttributeValue.fromS("perf"));
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.get("StockTable")).key(stockKey)
                    .updateExpression("ADD reserved :one").conditionExpression("attribute_not_exists(reserved) OR reserved < :max")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN("1000000000"))))
                    .build());
        }
        String floorCall = "checkout-" + call;
        // the cart closed (and a customer's pointer to it cleared): a write of each at its size
        floorItems.copies(actions, "CartsTable", left.cartItems(), floorCall);
        floorItems.copies(actions, "OrdersTable", left.orderItems(), floorCall);
        floorItems.copies(actions, "OutboxTable", left.outboxItems(), floorCall);
        floorItems.copies(actions, "IdempotencyTable", left.idempotencyItems(), floorCall);
        dynamo.transactWriteItems(r -> r.transactItems(actions));
    }

    /** The events a checkout's outbox items carry: what the relay publishes for it. */
    private static int events(Leftovers left) {
        return left.outboxItems().stream().mapToInt(item -> com.omnis.shared.events.OutboxRecord.eventsOf(item).size()).sum();
    }

    /** Cost of one checkout of 1, 5 and 20 lines against its floor, and the events relayed for it. */
    void cost(ObjectNode json, PrintStream console) {
        console.printf("%nDynamoDB cost of one checkout (delivery from %s, card), against the floor of its access pattern%n", WAREHOUSE);
        console.printf("  %-10s %-16s %-16s %6s %7s   %s%n", "lines", "units r/w/n", "min r/w/n", "cap", "events", "units by table (r/w)");
        for (int lines : new int[] {1, 5, 20}) {
            Leftovers left = leftovers(lines);
            Filled cart = fill(lines);
            CapacityMeter.reset();
            checkout(cart, "perf-cost-" + UUID.randomUUID());
            double[] cost = CapacityMeter.units();
            String where = CapacityMeter.perTable();
            CapacityMeter.reset();
            floor(left, 1_000_000 + lines);
            double[] minimum = CapacityMeter.units();
            double ratio = (cost[0] + cost[1]) / (minimum[0] + minimum[1]);
            console.printf("  %-10d %5.1f/%5.1f/%3.0f %5.1f/%5.1f/%3.0f %6.2f %7d   %s%n", lines, cost[0], cost[1], cost[2],
                    minimum[0], minimum[1], minimum[2], ratio, events(left), where);
            json.putObject("checkout of " + lines + " lines").put("read_units", cost[0]).put("write_units", cost[1])
                    .put("dynamodb_requests", (int) cost[2]).put("minimum_read_units", minimum[0])
                    .put("minimum_write_units", minimum[1]).put("minimum_dynamodb_requests", (int) minimum[2])
                    .put("capacity_ratio", ratio).put("units_by_table", where)
                    .put("outbox_items", left.outboxItems().size()).put("events_relayed", events(left));
        }
    }
}
