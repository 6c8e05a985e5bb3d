package com.omnis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.auth.DevTokens;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Benchmarks of the local runtime over HTTP (not a test: it reports figures and gates nothing).
 * Starts the runtime in this JVM with the demo seed on a free loopback port, measures catalog reads,
 * cart writes and stock holds (on one record, then spread over 4 shards), prints a table and writes
 * it to {@code target/bench/results.md}. Run it with {@code scripts/bench/run}.
 */
public final class OmnisBench {

    private static final String WAREHOUSE = "warehouse-orleans";
    private static final String WARM_UP_SKU = "SHOE-RUN-42";
    private static final int SHARDS = 4;
    private static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;
    private static final int CART_CLIENTS = 8;

    /** One line of the table. */
    record Row(Measurement m, String notes) {
    }

    private final Api api;
    private final BenchOptions options;
    private final String opsToken = DevTokens.forSubject("bench-ops").groups("ops").sign();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private boolean checksPassed = true;

    private final PrintStream console;

    private OmnisBench(Api api, BenchOptions options, PrintStream console) {
        this.api = api;
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("omnis.repo.root", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("help")) {
                System.err.println("bench: " + e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(e.getMessage().equals("help") ? 0 : 2);
            return;
        }
        // the functions log every request (JSON, as in Lambda) to stdout: that goes to a file, the figures to the console
        PrintStream console = System.out;
        Path log = options.output().resolveSibling("runtime.log");
        Files.createDirectories(log.getParent());
        System.setOut(new PrintStream(Files.newOutputStream(log), true));
        long starting = System.nanoTime();
        OmnisBench bench;
        String startup;
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).quiet(),
                new PrintStream(OutputStream.nullOutputStream(), true))) {
            startup = "%.1f s".formatted((System.nanoTime() - starting) / 1e9);
            console.println("Local runtime on " + runtime.baseUrl() + " (demo seed), started in " + startup + "; its log: " + log);
            bench = new OmnisBench(new Api(runtime.baseUrl()), options, console);
            bench.runAll();
        }
        String report = bench.report(startup);
        console.println();
        console.println(report);
        Files.writeString(options.output(), report);
        console.println("Written to " + options.output());
        System.exit(bench.checksPassed ? 0 : 3);
    }

    private void runAll() throws Exception {
        List<String> skus = catalogSkus();
        warmUp(skus);
        catalogReads(skus);
        cartWrites(skus.subList(0, CART_CLIENTS));
        // the demo's warehouse positions of these SKUs have no safety stock; each run sets its own figures
        compareShards("SHOE-RUN-44", "SHOE-TRAIL-43", DEFAULT_LOW_STOCK_THRESHOLD);
        compareShards("SHOE-TRAIL-45", "SHOE-HIKE-GTX-42", 0);
    }

    // ---- catalog

    private List<String> catalogSkus() throws Exception {
        List<String> skus = new ArrayList<>();
        for (JsonNode product : api.get("/products?limit=20").expect(200, "GET /products").json().path("items")) {
            skus.add(product.path("sku").asText());
        }
        if (skus.size() < CART_CLIENTS) {
            throw new IllegalStateException("the demo catalog lists " + skus.size() + " products, fewer than " + CART_CLIENTS);
        }
        return skus;
    }

    /** Untimed requests of every kind first, so the JIT and the connection pools are warm. */
    private void warmUp(List<String> skus) throws Exception {
        console.println("warming up...");
        Load.run("warm-up", 4, 300, options.timeLimit(), (c, i) -> api.get(i % 3 == 0 ? "/products?limit=20"
                : "/products/" + skus.get(i % skus.size())).status());
        Cart cart = openCart();
        Load.run("warm-up", 4, 60, options.timeLimit(), (c, i) -> addItem(cart, skus.get(c)));
        String body = holdBody(WARM_UP_SKU);
        Load.run("warm-up", 4, 24, options.timeLimit(),
                (c, i) -> api.send("POST", "/reservations", body, hold(DevTokens.customer("bench-warm-up-" + i))).status());
    }

    private void catalogReads(List<String> skus) throws Exception {
        int n = options.catalogRequests();
        for (String route : List.of("GET /products/{sku}", "GET /products?limit=20")) {
            Load.Call call = route.endsWith("{sku}")
                    ? (c, i) -> api.get("/products/" + skus.get(i % skus.size())).status()
                    : (c, i) -> api.get("/products?limit=20").status();
            Measurement one = measure(route, 1, n, call);
            rows.add(new Row(one, ""));
            Measurement eight = measure(route, 8, n, call);
            rows.add(new Row(eight, "×%.2f the requests/s of 1 client".formatted(eight.requestsPerSecond() / one.requestsPerSecond())));
        }
    }

    // ---- carts

    private record Cart(String id, String token) {
    }

    private Cart openCart() throws Exception {
        JsonNode cart = api.send("POST", "/carts", null, Map.of("X-Channel", "web")).expect(201, "POST /carts").json();
        return new Cart(cart.path("id").asText(), cart.path("token").asText());
    }

    private int addItem(Cart cart, String sku) throws Exception {
        return api.send("POST", "/carts/" + cart.id() + "/items", "{\"sku\": \"%s\", \"quantity\": 1}".formatted(sku),
                Map.of("X-Channel", "web", "X-Cart-Token", cart.token())).status();
    }

    private void cartWrites(List<String> skus) throws Exception {
        int n = CART_CLIENTS * options.cartOpsPerClient();
        Cart shared = openCart();
        AtomicIntegerArray added = new AtomicIntegerArray(CART_CLIENTS);
        Measurement oneCart = measure("POST /carts/{id}/items, 1 cart, a SKU per client", CART_CLIENTS, n, (c, i) -> {
            int status = addItem(shared, skus.get(c));
            if (status / 100 == 2) {
                added.incrementAndGet(c);
            }
            return status;
        });
        rows.add(new Row(oneCart, "ops/s %.0f; %s".formatted(oneCart.successesPerSecond(), checkCart(shared, skus, added, -1))));

        List<Cart> carts = new ArrayList<>();
        for (int c = 0; c < CART_CLIENTS; c++) {
            carts.add(openCart());
        }
        AtomicIntegerArray addedPerCart = new AtomicIntegerArray(CART_CLIENTS);
        Measurement separate = measure("POST /carts/{id}/items, a cart per client", CART_CLIENTS, n, (c, i) -> {
            int status = addItem(carts.get(c), skus.get(c));
            if (status / 100 == 2) {
                addedPerCart.incrementAndGet(c);
            }
            return status;
        });
        StringBuilder check = new StringBuilder();
        for (int c = 0; c < CART_CLIENTS; c++) {
            String result = checkCart(carts.get(c), skus, addedPerCart, c);
            if (!result.startsWith("lines")) {
                check.append(result).append("; ");
            }
        }
        rows.add(new Row(separate, "ops/s %.0f; %s; one cart ÷ separate carts ×%.2f".formatted(separate.successesPerSecond(),
                check.isEmpty() ? "lines = 2xx counts" : check.toString().trim(),
                oneCart.successesPerSecond() / separate.successesPerSecond())));
    }

    /** Whether the cart's lines hold exactly the units that were answered 2xx (only client {@code only}'s SKU if ≥ 0). */
    private String checkCart(Cart cart, List<String> skus, AtomicIntegerArray added, int only) throws Exception {
        JsonNode lines = api.send("GET", "/carts/" + cart.id(), null, Map.of("X-Cart-Token", cart.token()))
                .expect(200, "GET /carts/{id}").json().path("lines");
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < CART_CLIENTS; c++) {
            if (only >= 0 && c != only) {
                continue;
            }
            int quantity = 0;
            for (JsonNode line : lines) {
                if (line.path("sku").asText().equals(skus.get(c))) {
                    quantity = line.path("quantity").asInt();
                }
            }
            if (quantity != added.get(c)) {
                wrong.add("%s: %d in the cart, %d answered 2xx".formatted(skus.get(c), quantity, added.get(c)));
            }
        }
        if (wrong.isEmpty()) {
            return "lines = 2xx counts";
        }
        checksPassed = false;
        return "CHECK FAILED " + String.join(", ", wrong);
    }

    // ---- stock holds

    /** A hold's headers: the shopper's token and a fresh Idempotency-Key (required on POST /reservations). */
    private static Map<String, String> hold(String token) {
        return Map.of("Authorization", "Bearer " + token, "X-Channel", "web",
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String holdBody(String sku) {
        return """
                {"channel": "web", "ttlSeconds": 900, "reference": "bench",
                 "lines": [{"sku": "%s", "quantity": 1, "locationId": "%s"}]}""".formatted(sku, WAREHOUSE);
    }

    /** The same sale on one record and on {@value #SHARDS} shards, one after the other; reports the ratio. */
    private void compareShards(String singleSku, String shardedSku, int threshold) throws Exception {
        String settings = threshold == DEFAULT_LOW_STOCK_THRESHOLD ? "" : ", low-stock threshold " + threshold;
        Measurement single = holds("POST /reservations, 1 record" + settings, singleSku, 1, threshold);
        Measurement sharded = holds("POST /reservations, " + SHARDS + " shards" + settings, shardedSku, SHARDS, threshold);
        findings.add("Holds, %d shards ÷ 1 record (low-stock threshold %d), same run: holds/s until sold out ×%.2f, requests/s ×%.2f."
                .formatted(SHARDS, threshold, holdsPerSecond(sharded) / holdsPerSecond(single),
                        sharded.requestsPerSecond() / single.requestsPerSecond()));
    }

    /**
     * Counts the position to {@code options.stock()} units, spreads it over {@code shards} with the given
     * low-stock threshold, sends more 1-unit holds than units, and checks exactly the stock was held.
     */
    private Measurement holds(String scenario, String sku, int shards, int threshold) throws Exception {
        int stock = options.stock();
        api.send("POST", "/stock/movements", """
                {"type": "count", "sku": "%s", "locationId": "%s", "quantity": %d, "reason": "bench"}""".formatted(sku, WAREHOUSE, stock),
                Map.of("Authorization", "Bearer " + opsToken, "X-Channel", "web", "Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201, "count " + sku);
        api.send("PUT", "/locations/" + WAREHOUSE + "/stock/" + sku, "{\"shards\": %d, \"lowStockThreshold\": %d}"
                .formatted(shards, threshold), Api.bearer(opsToken)).expect(200, "configure " + sku);
        JsonNode before = position(sku);
        if (before.path("shards").asInt() != shards || before.path("available").asLong() != stock
                || before.path("lowStockThreshold").asInt() != threshold) {
            throw new IllegalStateException("the position was not set up as asked: " + before);
        }
        // one shopper per hold, signed before the clock starts: a shopper keeps at most 5 open holds (docs/inventory.md)
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < options.holds(); i++) {
            shoppers.add(DevTokens.customer("bench-shopper-" + i));
        }
        String body = holdBody(sku);
        Measurement m = measure(scenario, options.holdClients(), options.holds(),
                (c, i) -> api.send("POST", "/reservations", body, hold(shoppers.get(i))).status());

        JsonNode after = position(sku);
        boolean exact = m.successes() == stock && m.count(409) == m.requests() - stock
                && after.path("reserved").asLong() == stock && after.path("available").asLong() == 0;
        if (!exact) {
            checksPassed = false;
        }
        rows.add(new Row(m, "%s: %d held of %d units, reserved %d, available %d; sold out in %.2f s → %.0f holds/s; %.0f refusals/s"
                .formatted(exact ? "exact" : "CHECK FAILED", m.successes(), stock, after.path("reserved").asLong(),
                        after.path("available").asLong(), m.lastSuccessNanos() / 1e9, holdsPerSecond(m),
                        m.count(409) / m.seconds())));
        return m;
    }

    private static double holdsPerSecond(Measurement m) {
        return m.successes() / (m.lastSuccessNanos() / 1e9);
    }

    private JsonNode position(String sku) throws Exception {
        for (JsonNode location : api.send("GET", "/stock/" + sku, null, Api.bearer(opsToken)).expect(200, "GET /stock/" + sku)
                .json().path("locations")) {
            if (location.path("locationId").asText().equals(WAREHOUSE)) {
                return location;
            }
        }
        throw new IllegalStateException(sku + " has no stock record at " + WAREHOUSE);
    }

    // ---- report

    private Measurement measure(String scenario, int clients, int requests, Load.Call call) throws InterruptedException {
        console.printf("%-70s %2d clients, %d requests...%n", scenario, clients, requests);
        Measurement m = Load.run(scenario, clients, requests, options.timeLimit(), call);
        if (m.stoppedByTimeLimit()) {
            findings.add("%s (%d clients) stopped at the time limit after %d of %d requests."
                    .formatted(scenario, clients, m.requests(), requests));
        }
        return m;
    }

    private String report(String startup) {
        StringBuilder out = new StringBuilder();
        out.append("# Omnis benchmarks, ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        out.append("Local runtime in one JVM (DynamoDB Local in-process, in memory; demo seed), clients in the same JVM over loopback HTTP/1.1. ")
                .append("%d cores, Java %s, %s; runtime started in %s. Sizes: %s.%n%n".formatted(
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        System.getProperty("os.name"), startup, options.sizes()));
        out.append("| scenario | clients | requests | 2xx | other | req/s | p50 ms | p95 ms | p99 ms | notes |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Measurement m = row.m();
            out.append("| %s | %d | %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %s |%n".formatted(m.scenario(), m.clients(),
                    m.requests(), m.successes(), m.otherStatuses(), m.requestsPerSecond(), m.percentileMillis(50),
                    m.percentileMillis(95), m.percentileMillis(99), row.notes()));
        }
        out.append('\n');
        findings.forEach(f -> out.append("- ").append(f).append('\n'));
        out.append(checksPassed ? "- Every check passed (cart lines = 2xx answers; holds = stock exactly, the rest 409).\n"
                : "- SOME CHECKS FAILED: see CHECK FAILED above.\n");
        return out.toString();
    }
}
