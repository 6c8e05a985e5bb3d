package com.omnis.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.lambda.LocalFunction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Issue #11's measurements (not a test): cold start of each API function from its own package in a
 * fresh JVM with Lambda's flags, against a constant handler's; warm handler latency in process against
 * the DynamoDB requests of the access pattern made directly; whether DynamoDB Local reports consumed
 * capacity. Run it with {@code scripts/bench/perf [cold runs] [warm calls]}; figures are DynamoDB Local's.
 */
public final class PerfBench {

    /** Lambda's Java runtime flags (its JAVA_TOOL_OPTIONS defaults), so the cold figures are its kind of JVM. */
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");
    /** function → [handler class, sample event in events/api] for the cold start: a read each, as the package smoke test does */
    private static final Map<String, String[]> COLD = new LinkedHashMap<>();
    private static final List<String> FIVE_SKUS = List.of("SHOE-RUN-42", "SOCKS-RUN-3P", "CAP-RUN", "TEE-RUN-M", "GLOVES-TOUCH-M");
    /** the five above first, then fifteen more of the demo catalog: the checkout of 20 lines */
    private static final List<String> TWENTY_SKUS = Stream.concat(FIVE_SKUS.stream(), Stream.of(
            "SHOE-RUN-44", "SHOE-TRAIL-43", "SHOE-WALK-40", "TEE-RUN-L", "JACKET-RAIN-M", "FLEECE-M", "TIGHTS-RUN-W-S",
            "SHORTS-RUN-M", "HELMET-ROAD-M", "LIGHTS-USB-SET", "LOCK-U-HEAVY", "TUBE-700C", "PUMP-FLOOR", "BOTTLE-CAGE",
            "SHOE-TRAIL-45")).toList();

    static {
        COLD.put("Trivial", new String[] {"com.omnis.bench.trivial.ConstantHandler", "catalog-get-product.json"});
        COLD.put("CatalogFunction", new String[] {"com.omnis.catalog.CatalogHandler", "catalog-get-product.json"});
        COLD.put("CartsFunction", new String[] {"com.omnis.carts.CartsHandler", "carts-get.json"});
        COLD.put("InventoryFunction", new String[] {"com.omnis.inventory.InventoryHandler", "inventory-get-availability.json"});
        COLD.put("CustomersFunction", new String[] {"com.omnis.customers.CustomersHandler", "customers-get-me.json"});
    }

    private static final com.omnis.shared.http.TokenVerifier DEV_TOKENS = com.omnis.local.auth.DevTokens.verifier();
    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PerfBench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream console = System.out;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 5, args.length > 1 ? Integer.parseInt(args[1]) : 2000,
                    List.of((args.length > 2 ? args[2] : "cold,warm,concurrency").split(",")), console);
        } catch (Exception e) {
            e.printStackTrace(console);
            System.exit(1);
        }
        // the runtime's pools are not all daemons: end the JVM once the figures are out
        System.exit(0);
    }

    private static void run(int coldRuns, int warmCalls, List<String> parts, PrintStream console) throws Exception {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        System.setOut(new PrintStream(Files.newOutputStream(out.resolve("perf-runtime.log")), true));
        ObjectNode results = MAPPER.createObjectNode();
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).quiet(),
                new PrintStream(OutputStream.nullOutputStream(), true))) {
            long start = System.nanoTime();
            if (parts.contains("cold")) {
                cold(runtime, coldRuns, results.putObject("cold_start"), console);
                start = took("cold start", start, console);
            }
            if (parts.contains("warm")) {
                warm(runtime, warmCalls, results.putObject("warm"), console);
                capacity(runtime, results.putObject("capacity"), console);
                start = took("warm and cost", start, console);
            }
            if (parts.contains("concurrency")) {
                new PerfConcurrency(runtime).run(results.putObject("concurrency"), console);
                took("concurrency", start, console);
            }
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("results.json").toFile(), results);
        console.println("written to target/bench/results.json");
    }

    /** Prints how long a part took; the time now. */
    private static long took(String part, long start, PrintStream console) {
        long now = System.nanoTime();
        console.printf("  (%s: %.0f s)%n", part, (now - start) / 1e9);
        return now;
    }

    // ---------------------------------------------------------------------------------------- cold

    private static void cold(LocalRuntime runtime, int runs, ObjectNode json, PrintStream console) throws Exception {
        Path packages = Path.of(System.getProperty("omnis.bench.packages"));
        console.printf("%nCold start: fresh JVM (%s), handler from its package, one sample event; median of %d%n",
                String.join(" ", LAMBDA_FLAGS), runs);
        console.printf("  AppCDS: the same with -XX:SharedArchiveFile, an archive of the package's classes (as jars) made by one training run;%n"
                + "  its ratio is against the trivial handler with its own archive (median of %d, as primed)%n", Math.min(runs, 3));
        console.printf("  primed: SnapStart's priming run in the fresh JVM after init, then the request: priming ms + request ms%n");
        console.printf("  %-18s %-32s %6s %9s %8s %9s %8s %8s %10s %9s %8s  %s%n", "function", "event", "status", "wall ms", "init ms",
                "request ms", "classes", "ratio", "package", "AppCDS ms", "ratio", "primed");
        double floor = 0;
        double sharedFloor = 0;
        for (var entry : COLD.entrySet()) {
            String id = entry.getKey();
            Path pkg = packages.resolve(id);
            Map<String, String> environment = id.equals("Trivial") ? Map.of() : runtime.dynamo().environmentFor(id);
            double[] wall = new double[runs];
            double[] init = new double[runs];
            double[] request = new double[runs];
            int classes = 0;
            int status = 0;
            for (int i = 0; i < runs; i++) {
                Path classLog = Files.createTempFile("perf-classes", ".log");
                double[] run = launch(Path.of(System.getProperty("omnis.bench.launcher")) + ":" + pkg + ":" + pkg.resolve("lib") + "/*",
                        entry.getValue(), environment, List.of("-Xlog:class+load:file=" + classLog));
                wall[i] = run[0];
                init[i] = run[1];
                request[i] = run[2];
                status = (int) run[3];
                try (var log = Files.lines(classLog)) {
                    classes = (int) log.count();
                }
                Files.delete(classLog);
            }
            // the same with an application class-data archive: one training run writes it, the timed runs map it
            Path archive = packages.resolve(id + ".jsa");
            Path cds = Path.of(System.getProperty("omnis.bench.cds"));
            String jars = cds.resolve("launcher.jar") + ":" + cds.resolve(id + ".jar") + ":" + pkg.resolve("lib") + "/*";
            launch(jars, entry.getValue(), environment, List.of("-XX:ArchiveClassesAtExit=" + archive));
            int extraRuns = Math.min(runs, 3);
            double[] shared = new double[extraRuns];
            for (int i = 0; i < extraRuns; i++) {
                shared[i] = launch(jars, entry.getValue(), environment, List.of("-XX:SharedArchiveFile=" + archive))[0];
            }
            // SnapStart's priming, run in the same fresh JVM before the request: what a restored container's first request would still pay
            double[] primedRequest = new double[extraRuns];
            double[] priming = new double[extraRuns];
            String plainPath = Path.of(System.getProperty("omnis.bench.launcher")) + ":" + pkg + ":" + pkg.resolve("lib") + "/*";
            for (int i = 0; i < extraRuns && !id.equals("Trivial"); i++) {
                double[] run = launch(plainPath, entry.getValue(), environment, List.of(), true);
                primedRequest[i] = run[2];
                priming[i] = run[4];
            }
            boolean primes = median(priming) > 0;
            String primed = primes ? String.format("%5.0f+%-4.0f", median(priming), median(primedRequest)) : "     -    ";
            double median = median(wall);
            if (id.equals("Trivial")) {
                floor = median;
                sharedFloor = median(shared);
            }
            long size;
            try (var files = Files.walk(pkg)) {
                size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            double ratio = median / floor;
            double sharedRatio = median(shared) / sharedFloor;
            console.printf("  %-18s %-32s %6d %9.0f %8.0f %9.0f %8d %8.2f %7.1f MiB %9.0f %8.2f  %s%n", id, entry.getValue()[1], status,
                    median, median(init), median(request), classes, ratio, size / 1048576.0, median(shared), sharedRatio, primed);
            ObjectNode row = json.putObject(id);
            row.put("event", entry.getValue()[1]).put("status", status).put("wall_ms_median", median)
                    .put("init_ms_median", median(init)).put("first_request_ms_median", median(request))
                    .put("classes_loaded", classes).put("cold_ratio", ratio).put("package_bytes_unzipped", size).put("runs", runs)
                    .put("appcds_wall_ms_median", median(shared)).put("appcds_cold_ratio", sharedRatio)
                    .put("appcds_archive_bytes", Files.size(archive));
            if (primes) {
                row.put("priming_ms_median", median(priming)).put("first_request_after_priming_ms_median", median(primedRequest));
            }
        }
    }

    /**
     * One cold start: a fresh JVM with Lambda's flags and {@code extraFlags} runs the launcher on {@code classPath}
     * (launcher, package) with the handler and its sample event; [wall ms from start to the response, init ms,
     * first request ms, status].
     */
    private static double[] launch(String classPath, String[] handlerAndEvent, Map<String, String> environment,
                                   List<String> extraFlags) throws Exception {
        return launch(classPath, handlerAndEvent, environment, extraFlags, false);
    }

    /** The same; with {@code prime}, the handler's priming runs before the request: [..., priming ms, 0 if it has none]. */
    private static double[] launch(String classPath, String[] handlerAndEvent, Map<String, String> environment,
                                   List<String> extraFlags, boolean prime) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classPath, "InvokeHandler",
                handlerAndEvent[0], Path.of("events", "api", handlerAndEvent[1]).toString()));
        if (prime) {
            command.add("prime");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().retainAll(List.of("PATH"));
        builder.environment().putAll(environment);
        double[] run = new double[5];
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("status ")) {
                    run[0] = (System.nanoTime() - started) / 1e6;   // JVM start to the response, not its exit
                    run[3] = Integer.parseInt(line.substring(7).trim());
                } else if (line.startsWith("init-ns ")) {
                    run[1] = Long.parseLong(line.substring(8).trim()) / 1e6;
                } else if (line.startsWith("request-ns ")) {
                    run[2] = Long.parseLong(line.substring(11).trim()) / 1e6;
                } else if (line.startsWith("prime-ns ")) {
                    run[4] = Long.parseLong(line.substring(9).trim()) / 1e6;
                } else {
                    lines.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || run[0] == 0) {
            throw new IllegalStateException(handlerAndEvent[0] + " did not answer from " + classPath + ": " + String.join("\n", lines));
        }
        return run;
    }

    // ---------------------------------------------------------------------------------------- warm

    private static void warm(LocalRuntime runtime, int calls, ObjectNode json, PrintStream console) throws Exception {
        DynamoDbClient dynamo = runtime.dynamo().client();
        Map<String, String> tables = runtime.dynamo().tableNames();
        console.printf("%nWarm, in process: %d calls each after %d warm-up; floor = the access pattern's DynamoDB requests made directly"
                + " (%d calls)%n", calls, warmUp(calls), floorCalls(calls));
        console.printf("  units: read/write/requests of one call, from ReturnConsumedCapacity=TOTAL as DynamoDB Local reports it%n");
        console.printf("  %-36s %8s %8s %8s %8s %6s   %-14s %-14s %6s%n", "operation", "p50 ms", "p99 ms", "flr p50", "flr p99",
                "warm", "units r/w/n", "min r/w/n", "cap");

        LocalFunction catalog = runtime.functions().get("CatalogFunction").orElseThrow();
        LambdaEvent product = event("catalog-get-product.json", e -> e.setPathParameters(Map.of("sku", "SHOE-RUN-42")));
        String products = tables.get("ProductsTable");
        String stock = tables.get("StockTable");
        // the page shows the product, its price and what the caller's channel can get of it: the product and its stock records
        row("product page (GET /products/{sku})", calls, json,
                () -> expectOk(catalog.invoke(product)),
                () -> {
                    dynamo.getItem(r -> r.tableName(products).key(Map.of("sku", AttributeValue.fromS("SHOE-RUN-42"))));
                    dynamo.query(r -> r.tableName(stock).keyConditionExpression("sku = :sku")
                            .expressionAttributeValues(Map.of(":sku", AttributeValue.fromS("SHOE-RUN-42"))));
                }, console);

        LocalFunction inventory = runtime.functions().get("InventoryFunction").orElseThrow();
        LambdaEvent availability = event("inventory-get-availability.json", e -> {
            e.setRawQueryString("skus=" + String.join(",", FIVE_SKUS) + "&channel=web");
            e.setQueryStringParameters(Map.of("skus", String.join(",", FIVE_SKUS), "channel", "web"));
        });
        row("availability of 5 SKUs", calls, json,
                () -> expectOk(inventory.invoke(availability)),
                () -> {
                    // one Query per SKU, side by side on virtual threads as the handler's reader sends them
                    try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                        FIVE_SKUS.forEach(sku -> parallel.submit(() -> dynamo.query(r -> r.tableName(stock)
                                .keyConditionExpression("sku = :sku").expressionAttributeValues(Map.of(":sku", AttributeValue.fromS(sku))))));
                    }
                }, console);

        // a hold of 3 SKUs, one unit each; the previous hold is released before each call, untimed, so stock never runs out
        List<String> threeSkus = FIVE_SKUS.subList(0, 3);
        String holdBody = "{\"channel\": \"web\", \"lines\": [" + String.join(", ", threeSkus.stream()
                .map(sku -> "{\"sku\": \"" + sku + "\", \"quantity\": 1}").toList()) + "], \"ttlSeconds\": 900, \"reference\": \"perf\"}";
        String reservations = tables.get("ReservationsTable");
        FloorItems floorItems = new FloorItems(dynamo, tables);
        HoldLeftovers holdLeft = holdLeftovers(inventory, holdBody, floorItems);
        // each hold a new shopper's (a shopper keeps 5 open holds), on units received for them: nothing to release
        new PerfCheckout(runtime, threeSkus).receive(calls + warmUp(calls) + 10);
        LambdaEvent[] nextHold = {null};
        row("hold of 3 SKUs", calls, json,
                i -> nextHold[0] = uncheckedEvent("inventory-create-reservation.json", e -> {
                    e.setHeaders(withHeader(e.getHeaders(), "idempotency-key", "perf-hold-" + i + "-" + System.nanoTime()));
                    signedIn(e, com.omnis.local.auth.DevTokens.customer("perf-holder-" + i + "-" + System.nanoTime()));
                    e.setBody(holdBody);
                }),
                i -> {
                    var response = MAPPER.valueToTree(inventory.invoke(nextHold[0]));
                    int status = response.path("statusCode").asInt();
                    if (status != 201) {
                        throw new IllegalStateException("hold answered " + status + ": " + response.path("body").asText());
                    }
                },
                i -> {
                    // the access pattern's minimum: each SKU's stock records read (one consistent Query a SKU), then one
                    // transaction of a conditional update per stock record, the shopper's open-holds counter and the
                    // items a hold must leave (reservation, outbox, idempotency record) at the size a real hold wrote them
                    for (String sku : threeSkus) {
                        dynamo.query(r -> r.tableName(stock).keyConditionExpression("sku = :sku").consistentRead(true)
                                .expressionAttributeValues(Map.of(":sku", AttributeValue.fromS(sku))));
                    }
                    List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> items = new ArrayList<>();
                    for (String sku : threeSkus) {
                        items.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u.tableName(stock)
                                .key(Map.of("sku", AttributeValue.fromS("perf-floor-" + sku), "slot", AttributeValue.fromS("perf")))
                                .updateExpression("ADD held :one").conditionExpression("attribute_not_exists(held) OR held < :max")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN("1000000000")))).build());
                    }
                    items.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u.tableName(reservations)
                            .key(Map.of("reservationId", AttributeValue.fromS("shopper#perf-floor")))
                            .updateExpression("ADD openHolds :one, openUnits :three")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":three", AttributeValue.fromN("3")))).build());
                    String floorCall = "hold-" + i;
                    floorItems.copies(items, "ReservationsTable", holdLeft.reservation(), floorCall);
                    floorItems.copies(items, "OutboxTable", holdLeft.outbox(), floorCall);
                    floorItems.copies(items, "IdempotencyTable", holdLeft.idempotency(), floorCall);
                    dynamo.transactWriteItems(r -> r.transactItems(items));
                }, console);

        // carts: a guest cart per 5 adds (one line per SKU), opened outside the timed call
        LocalFunction carts = runtime.functions().get("CartsFunction").orElseThrow();
        String cartsTable = tables.get("CartsTable");
        String[] cart = new String[2];
        Runnable openCart = () -> {
            var opened = MAPPER.valueToTree(carts.invoke(uncheckedEvent("carts-create-guest.json", e -> { })));
            var body = readTree(opened.path("body").asText());
            cart[0] = body.path("id").asText();
            cart[1] = body.path("token").asText();
        };
        LambdaEvent[] nextAdd = {null};
        row("add to cart", calls, json,
                i -> {
                    if (i % FIVE_SKUS.size() == 0) {
                        openCart.run();
                    }
                    nextAdd[0] = uncheckedEvent("carts-add-item.json", e -> {
                        e.setPathParameters(Map.of("cartId", cart[0]));
                        e.setHeaders(withHeader(e.getHeaders(), "x-cart-token", cart[1]));
                        e.setBody("{\"sku\": \"" + FIVE_SKUS.get(i % FIVE_SKUS.size()) + "\", \"quantity\": 1}");
                    });
                },
                i -> expectOk(carts.invoke(nextAdd[0])),
                i -> {
                    // the access pattern's minimum: the cart read (consistently: its lines and version), the current
                    // price of each line it will hold, one conditional write of the cart
                    String sku = FIVE_SKUS.get(i % FIVE_SKUS.size());
                    dynamo.getItem(r -> r.tableName(cartsTable).key(Map.of("cartId", AttributeValue.fromS("perf-floor-" + (i / 5))))
                            .consistentRead(true));
                    dynamo.batchGetItem(r -> r.requestItems(Map.of(products, KeysAndAttributes.builder()
                            .keys(FIVE_SKUS.subList(0, i % FIVE_SKUS.size() + 1).stream()
                                    .map(line -> Map.of("sku", AttributeValue.fromS(line))).toList()).build())));
                    dynamo.updateItem(r -> r.tableName(cartsTable).key(Map.of("cartId", AttributeValue.fromS("perf-floor-" + (i / 5))))
                            .updateExpression("SET #lines = if_not_exists(#lines, :empty)")
                            .expressionAttributeNames(Map.of("#lines", "lines"))
                            .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of(sku, AttributeValue.fromN("1"))))));
                }, console);

        openCart.run();
        for (String sku : FIVE_SKUS) {
            expectOk(carts.invoke(uncheckedEvent("carts-add-item.json", e -> {
                e.setPathParameters(Map.of("cartId", cart[0]));
                e.setHeaders(withHeader(e.getHeaders(), "x-cart-token", cart[1]));
                e.setBody("{\"sku\": \"" + sku + "\", \"quantity\": 1}");
            })));
        }
        LambdaEvent getCart = event("carts-get.json", e -> {
            e.setPathParameters(Map.of("cartId", cart[0]));
            e.setHeaders(withHeader(e.getHeaders(), "x-cart-token", cart[1]));
        });
        String cartId = cart[0];
        row("get cart (5 lines)", calls, json,
                () -> expectOk(carts.invoke(getCart)),
                () -> {
                    // the cart (consistently) and the current price of each of its lines
                    dynamo.getItem(r -> r.tableName(cartsTable).key(Map.of("cartId", AttributeValue.fromS(cartId))).consistentRead(true));
                    dynamo.batchGetItem(r -> r.requestItems(Map.of(products, KeysAndAttributes.builder()
                            .keys(FIVE_SKUS.stream().map(sku -> Map.of("sku", AttributeValue.fromS(sku))).toList()).build())));
                },
                console);

        // checkout: a signed-in customer's 5-line cart, filled before each call, untimed
        PerfCheckout checkout = new PerfCheckout(runtime, TWENTY_SKUS);
        checkout.receive(calls + warmUp(calls) + 100);
        PerfCheckout.Leftovers five = checkout.leftovers(5);
        // every cart filled before the row starts, on both cores, so that filling does not dominate the bench's time
        List<PerfCheckout.Filled> filled = checkout.fillAll(5, calls + warmUp(calls) + 1);
        LambdaEvent[] nextOrder = {null};
        LocalFunction orders = checkout.orders();
        row("checkout of a 5-line cart", calls, json,
                i -> nextOrder[0] = checkout.orderEvent(filled.get(i), "perf-checkout-" + i + "-" + System.nanoTime()),
                i -> PerfCheckout.placed(orders.invoke(nextOrder[0])),
                i -> checkout.floor(five, i), console);
        checkout.cost(json.putObject("checkout_cost"), console);
    }

    /** What one real hold of {@code body} left in the reservations, outbox and idempotency tables; the hold is released. */
    private static HoldLeftovers holdLeftovers(LocalFunction inventory, String body, FloorItems floorItems) {
        String key = "perf-hold-probe-" + System.nanoTime();
        var response = MAPPER.valueToTree(inventory.invoke(uncheckedEvent("inventory-create-reservation.json", e -> {
            e.setHeaders(withHeader(e.getHeaders(), "idempotency-key", key));
            e.setBody(body);
        })));
        var held = readTree(response.path("body").asText());
        String id = held.hasNonNull("reservationId") ? held.path("reservationId").asText() : held.path("id").asText();
        HoldLeftovers left = new HoldLeftovers(floorItems.mentioning("ReservationsTable", id),
                floorItems.mentioning("OutboxTable", id), floorItems.mentioning("IdempotencyTable", key));
        expectOk(inventory.invoke(uncheckedEvent("inventory-release-reservation.json",
                e -> e.setPathParameters(Map.of("reservationId", id)))));
        return left;
    }

    private record HoldLeftovers(List<Map<String, AttributeValue>> reservation, List<Map<String, AttributeValue>> outbox,
                                 List<Map<String, AttributeValue>> idempotency) {
    }

    static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    /** The event as the HTTP API's JWT authorizer hands it on for {@code token}: the token's verified claims in place of the sample's. */
    static void signedIn(APIGatewayV2HTTPEvent event, String token) {
        event.setHeaders(withHeader(event.getHeaders(), "authorization", "Bearer " + token));
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(DEV_TOKENS.verifyBearer("Bearer " + token)).build()).build());
    }

    static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static LambdaEvent uncheckedEvent(String file, java.util.function.Consumer<APIGatewayV2HTTPEvent> change) {
        try {
            return event(file, change);
        } catch (Exception e) {
            throw new IllegalStateException(file, e);
        }
    }

    private static void row(String name, int calls, ObjectNode json, Runnable handler, Runnable floor, PrintStream console) {
        row(name, calls, json, i -> { }, i -> handler.run(), i -> floor.run(), console);
    }

    /** {@code prepare} runs before each handler call, untimed. */
    private static void row(String name, int calls, ObjectNode json, java.util.function.IntConsumer prepare,
                            java.util.function.IntConsumer handler, java.util.function.IntConsumer floor, PrintStream console) {
        long started = System.nanoTime();
        double[] measured = time(prepare, handler, calls);
        double[] direct = time(i -> { }, floor, floorCalls(calls));
        double ratio = measured[0] / direct[0];
        // one more call of each, metered: the handler's DynamoDB cost against its access pattern's
        int next = calls + warmUp(calls);
        prepare.accept(next);
        CapacityMeter.reset();
        handler.accept(next);
        double[] cost = CapacityMeter.units();
        String where = CapacityMeter.perTable();
        CapacityMeter.reset();
        floor.accept(next);
        double[] minimum = CapacityMeter.units();
        double capacityRatio = (cost[0] + cost[1]) / (minimum[0] + minimum[1]);
        console.printf("  %-36s %8.2f %8.2f %8.2f %8.2f %6.2f   %4.1f/%4.1f/%2.0f %4.1f/%4.1f/%2.0f %6.2f%n", name, measured[0], measured[1],
                direct[0], direct[1], ratio, cost[0], cost[1], cost[2], minimum[0], minimum[1], minimum[2], capacityRatio);
        console.printf("  %-36s   units by table (r/w): %s  (row: %.0f s)%n", "", where, (System.nanoTime() - started) / 1e9);
        json.putObject(name).put("p50_ms", measured[0]).put("p99_ms", measured[1]).put("floor_p50_ms", direct[0])
                .put("floor_p99_ms", direct[1]).put("warm_ratio", ratio).put("calls", calls).put("floor_calls", floorCalls(calls))
                .put("read_units", cost[0]).put("write_units", cost[1]).put("dynamodb_requests", (int) cost[2])
                .put("minimum_read_units", minimum[0]).put("minimum_write_units", minimum[1])
                .put("minimum_dynamodb_requests", (int) minimum[2]).put("capacity_ratio", capacityRatio)
                .put("units_by_table", where);
    }

    /** Timed calls of a floor: at most 500 (plain SDK calls: their p50 is steady by then, and the bench stays within 10 minutes). */
    private static int floorCalls(int calls) {
        return Math.min(calls, 500);
    }

    /** Untimed calls before the timed ones: a quarter of them, at most 100 (the rows before have warmed the shared code). */
    private static int warmUp(int calls) {
        return Math.min(calls / 4, 100);
    }

    private static double[] time(java.util.function.IntConsumer prepare, java.util.function.IntConsumer call, int calls) {
        int warmUp = warmUp(calls);
        for (int i = 0; i < warmUp; i++) {
            prepare.accept(i);
            call.accept(i);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            prepare.accept(warmUp + i);
            long started = System.nanoTime();
            call.accept(warmUp + i);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[calls / 2] / 1e6, nanos[(int) Math.ceil(calls * 0.99) - 1] / 1e6};
    }

    private static void expectOk(Object response) {
        int status = MAPPER.valueToTree(response).path("statusCode").asInt();
        if (status != 200) {
            throw new IllegalStateException("the handler answered " + status + ": " + MAPPER.valueToTree(response).path("body").asText());
        }
    }

    private static LambdaEvent event(String file, java.util.function.Consumer<APIGatewayV2HTTPEvent> change) throws Exception {
        APIGatewayV2HTTPEvent typed = MAPPER.readValue(Path.of("events", "api", file).toFile(), APIGatewayV2HTTPEvent.class);
        change.accept(typed);
        return LambdaEvent.of(typed, MAPPER.convertValue(typed, Map.class));
    }

    // ------------------------------------------------------------------------------------ capacity

    /** Whether DynamoDB Local reports consumed capacity at all: part 3's figures can only come from it if it does. */
    private static void capacity(LocalRuntime runtime, ObjectNode json, PrintStream console) {
        GetItemResponse response = runtime.dynamo().client().getItem(r -> r.tableName(runtime.dynamo().tableNames().get("ProductsTable"))
                .key(Map.of("sku", AttributeValue.fromS("SHOE-RUN-42"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        boolean reported = response.consumedCapacity() != null;
        console.printf("%nDynamoDB cost: DynamoDB Local %s ConsumedCapacity for GetItem with ReturnConsumedCapacity=TOTAL%s%n",
                reported ? "reports" : "does not report", reported ? " (" + response.consumedCapacity().capacityUnits() + " units)" : "");
        json.put("dynamodb_local_reports_consumed_capacity", reported);
        if (reported) {
            json.put("product_get_item_units", response.consumedCapacity().capacityUnits());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
