package com.omnis.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The sizes of one run. {@code --quick} (the default) finishes in under two minutes on 2 cores;
 * {@code --full} measures longer runs. Any size can be set on its own after either.
 */
record BenchOptions(int catalogRequests, int cartOpsPerClient, int stock, int holds, int holdClients,
                    Duration timeLimit, Path output) {

    static final String USAGE = """
            usage: scripts/bench/run [--quick | --full] [--catalog-requests n] [--cart-ops n] [--stock n]
                                     [--holds n] [--hold-clients n] [--time-limit seconds] [--out file]
              --quick             small sizes, under 2 minutes on 2 cores (default)
              --full              larger sizes (a few minutes)
              --catalog-requests  requests per catalog scenario (quick 600, full 4000)
              --cart-ops          cart additions per client, at most 99 (quick 25, full 90)
              --stock             units on the held position (quick 50, full 200)
              --holds             1-unit holds sent at it, more than --stock (quick 200, full 800)
              --hold-clients      concurrent clients sending holds (quick 32, full 32)
              --time-limit        seconds at most per scenario (quick 20, full 90)
              --out               where the results table goes (default target/bench/results.md)""";

    private static final Set<String> VALUE_OPTIONS = Set.of("--catalog-requests", "--cart-ops", "--stock",
            "--holds", "--hold-clients", "--time-limit", "--out");

    static BenchOptions quick(Path root) {
        return new BenchOptions(600, 25, 50, 200, 32, Duration.ofSeconds(20), root.resolve("target/bench/results.md"));
    }

    static BenchOptions full(Path root) {
        return new BenchOptions(4000, 90, 200, 800, 32, Duration.ofSeconds(90), root.resolve("target/bench/results.md"));
    }

    /** Parses the command line; an {@link IllegalArgumentException} says what is wrong ("help" for --help). */
    static BenchOptions parse(String[] args, Path root) {
        BenchOptions o = quick(root);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> o = quick(root).withOutput(o.output);
                case "--full" -> o = full(root).withOutput(o.output);
                case "-h", "--help" -> throw new IllegalArgumentException("help");
                default -> {
                    if (!VALUE_OPTIONS.contains(option)) {
                        throw new IllegalArgumentException("unknown option " + option);
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    o = switch (option) {
                        case "--catalog-requests" -> new BenchOptions(number(option, value, 1, 1_000_000), o.cartOpsPerClient, o.stock, o.holds, o.holdClients, o.timeLimit, o.output);
                        case "--cart-ops" -> new BenchOptions(o.catalogRequests, number(option, value, 1, 99), o.stock, o.holds, o.holdClients, o.timeLimit, o.output);
                        case "--stock" -> new BenchOptions(o.catalogRequests, o.cartOpsPerClient, number(option, value, 4, 100_000), o.holds, o.holdClients, o.timeLimit, o.output);
                        case "--holds" -> new BenchOptions(o.catalogRequests, o.cartOpsPerClient, o.stock, number(option, value, 1, 1_000_000), o.holdClients, o.timeLimit, o.output);
                        case "--hold-clients" -> new BenchOptions(o.catalogRequests, o.cartOpsPerClient, o.stock, o.holds, number(option, value, 1, 256), o.timeLimit, o.output);
                        case "--time-limit" -> new BenchOptions(o.catalogRequests, o.cartOpsPerClient, o.stock, o.holds, o.holdClients, Duration.ofSeconds(number(option, value, 1, 3600)), o.output);
                        case "--out" -> o.withOutput(Path.of(value));
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    };
                }
            }
        }
        if (o.holds <= o.stock) {
            throw new IllegalArgumentException("--holds (" + o.holds + ") must exceed --stock (" + o.stock + ") to measure refusals");
        }
        return o;
    }

    /** The sizes as one line of the report. */
    String sizes() {
        return "catalog %d requests per scenario, cart %d additions per client, holds %d on %d units from %d clients, time limit %d s"
                .formatted(catalogRequests, cartOpsPerClient, holds, stock, holdClients, timeLimit.toSeconds());
    }

    private BenchOptions withOutput(Path value) {
        return new BenchOptions(catalogRequests, cartOpsPerClient, stock, holds, holdClients, timeLimit, value);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a number between " + min + " and " + max);
        }
    }
}
