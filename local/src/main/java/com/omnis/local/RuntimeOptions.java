package com.omnis.local;

import com.omnis.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code ./scripts/dev} runs the backend.
 *
 * @param port the HTTP API's port (0 picks a free one)
 * @param dataDir where DynamoDB Local keeps its tables; empty to keep them in memory
 * @param seed whether to load the demo data into newly created tables
 * @param template the SAM template to run
 * @param requestLog whether to print one line per HTTP request
 */
public record RuntimeOptions(int port, Optional<Path> dataDir, boolean seed, Path template,
                             Duration streamPollInterval, boolean requestLog) {

    public static final int DEFAULT_PORT = 3000;

    static final String USAGE = """
            usage: ./scripts/dev [--port <port>] [--data-dir <dir>] [--no-seed] [--template <file>] [--quiet]
              --port      HTTP port of the API (default 3000)
              --data-dir  keep DynamoDB tables on disk in <dir> (default: in memory, gone at exit)
              --no-seed   start with empty tables
              --template  the SAM template to run (default: template.yaml of this repository)
              --quiet     do not print a line per request""";

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(DEFAULT_PORT, Optional.empty(), true,
                SamTemplate.repoRoot().resolve(SamTemplate.FILE_NAME), Duration.ofMillis(500), true);
    }

    public RuntimeOptions withPort(int value) {
        return new RuntimeOptions(value, dataDir, seed, template, streamPollInterval, requestLog);
    }

    public RuntimeOptions withDataDir(Path value) {
        return new RuntimeOptions(port, Optional.of(value), seed, template, streamPollInterval, requestLog);
    }

    public RuntimeOptions withoutSeed() {
        return new RuntimeOptions(port, dataDir, false, template, streamPollInterval, requestLog);
    }

    public RuntimeOptions withTemplate(Path value) {
        return new RuntimeOptions(port, dataDir, seed, value, streamPollInterval, requestLog);
    }

    public RuntimeOptions withStreamPollInterval(Duration value) {
        return new RuntimeOptions(port, dataDir, seed, template, value, requestLog);
    }

    public RuntimeOptions quiet() {
        return new RuntimeOptions(port, dataDir, seed, template, streamPollInterval, false);
    }

    /** The command line of {@code ./scripts/dev}; an {@link IllegalArgumentException} says what is wrong. */
    public static RuntimeOptions parse(String[] args) {
        RuntimeOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-seed" -> options = options.withoutSeed();
                case "--quiet" -> options = options.quiet();
                case "-h", "--help" -> throw new IllegalArgumentException("help");
                case "--port", "--data-dir", "--template" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    options = switch (option) {
                        case "--port" -> options.withPort(port(value));
                        case "--data-dir" -> options.withDataDir(Path.of(value));
                        default -> options.withTemplate(Path.of(value));
                    };
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return options;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port '" + value + "' is not a port number");
        }
    }
}
