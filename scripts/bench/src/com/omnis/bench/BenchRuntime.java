package com.omnis.bench;

import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.auth.DevTokens;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plumbing of a bench that drives the local runtime over HTTP: the runtime's log goes to a file
 * under target/bench, the runtime starts on a free port, the body gets a client and an ops token, and
 * the JVM ends once the figures are printed (the runtime's pools are not all daemons).
 */
final class BenchRuntime {

    /** What a bench measures, given how many runs it was asked for. */
    @FunctionalInterface
    interface Body {
        void measure(int count, PrintStream console, Api api, String opsToken) throws Exception;
    }

    private BenchRuntime() {
    }

    /** Runs {@code body} with {@code args[0]} (default {@code defaultCount}) runs; exits 1 on failure, 0 otherwise. */
    static void main(String[] args, int defaultCount, String logName, Body body) {
        PrintStream console = System.out;
        try {
            int count = args.length > 0 ? Integer.parseInt(args[0]) : defaultCount;
            Path log = Path.of("target", "bench", logName);
            Files.createDirectories(log.getParent());
            System.setOut(new PrintStream(Files.newOutputStream(log), true));
            try (LocalRuntime runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).quiet(),
                    new PrintStream(OutputStream.nullOutputStream(), true))) {
                body.measure(count, console, new Api(runtime.baseUrl()),
                        DevTokens.forSubject("bench-ops").groups("ops").sign());
            }
        } catch (Exception e) {
            e.printStackTrace(console);
            System.exit(1);
        }
        System.exit(0);
    }
}
