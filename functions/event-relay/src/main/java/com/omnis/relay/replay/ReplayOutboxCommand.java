package com.omnis.relay.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.relay.EventBridgePublisher;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * {@code scripts/replay-outbox}: republishes outbox events to the bus, against AWS (credentials,
 * {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} as every Omnis client reads them) or the local runtime
 * ({@code --local}, whose AWS endpoint serves its DynamoDB Local and its bus). Exit status 0 when every
 * chosen event was sent, 1 when some were refused or unreadable or the selection was over the limit,
 * 2 for a usage error.
 */
public final class ReplayOutboxCommand {

    static final String USAGE = """
            usage: scripts/replay-outbox SELECTION [--type T,…] [--limit N] [--dry-run] [TARGET]
              SELECTION (one of):
                --from <instant> --to <instant>   items written in that range (ISO-8601, e.g. 2026-06-15T10:00:00Z)
                --event-ids <id,…> [--from … --to …]   the events with these ids (without a range: scans the table)
                --outbox-ids <id,…>               these outbox items (the outboxId of a dead letter)
              --type T,…     only events of these types (detail-types)
              --limit N      send nothing if more than N events match (default 1000)
              --dry-run      print what would be sent, send nothing
              TARGET: --local [http://localhost:3000] (the local runtime), or AWS through the environment
                      (AWS_REGION, credentials, AWS_ENDPOINT_URL) with --table <name> --bus <name>
                      (default: OUTBOX_TABLE and EVENT_BUS_NAME; the stack outputs OutboxTableName and EventBusName)""";

    static final int DEFAULT_LIMIT = 1000;
    /** The table keeps items a week (TTL); a range longer than that cannot hold more. */
    static final Duration LONGEST_RANGE = OutboxRecord.RETENTION.plusDays(1);

    /** The command line, checked. */
    record Options(Optional<Instant> from, Optional<Instant> to, Set<String> eventIds, List<String> outboxIds,
                   Set<String> types, int limit, boolean dryRun, Optional<String> local, Optional<String> table,
                   Optional<String> bus) {
    }

    public static void main(String[] args) {
        System.exit(run(args, Settings.current(), System.out, System.err));
    }

    public static int run(String[] args, Settings environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("replay-outbox: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Settings settings;
        try {
            settings = options.local().isPresent() ? localSettings(options.local().get()) : environment;
        } catch (IllegalStateException e) {
            err.println("replay-outbox: " + e.getMessage());
            return 2;
        }
        String table = options.table().or(() -> settings.find("OUTBOX_TABLE")).orElse(null);
        String bus = options.bus().or(() -> settings.find("EVENT_BUS_NAME")).orElse(null);
        if (table == null || bus == null) {
            err.println("replay-outbox: name the outbox table and the bus (--table, --bus, or OUTBOX_TABLE, EVENT_BUS_NAME)");
            return 2;
        }
        AwsClients aws = new AwsClients(settings);
        try (DynamoDbClient dynamo = aws.dynamoDb();
             EventBridgeClient eventBridge = aws.configure(EventBridgeClient.builder()).build()) {
            DynamoOutboxReader reader = new DynamoOutboxReader(dynamo, table);
            out.printf("replaying from table %s to bus %s%s%n", table, bus, options.dryRun() ? " (dry run)" : "");
            List<OutboxItem> items;
            if (!options.outboxIds().isEmpty()) {
                items = reader.byIds(options.outboxIds());
            } else if (!options.eventIds().isEmpty()) {
                if (options.from().isEmpty()) {
                    out.println("no --from/--to: scanning the whole outbox table for these event ids");
                }
                items = reader.carrying(options.eventIds(), options.from(), options.to());
            } else {
                items = reader.writtenBetween(options.from().orElseThrow(), options.to().orElseThrow());
            }
            OutboxReplay.Summary summary = new OutboxReplay(new EventBridgePublisher(eventBridge, bus), out, Duration.ofSeconds(1))
                    .replay(items, options.eventIds(), options.types(), options.limit(), options.dryRun());
            return summary.succeeded() ? 0 : 1;
        }
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        Set<String> valued = Set.of("--from", "--to", "--event-ids", "--outbox-ids", "--type", "--limit", "--table", "--bus");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (valued.contains(arg)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                values.put(arg, args[++i]);
            } else if (arg.equals("--local")) {
                flags.add(arg);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    values.put(arg, args[++i]);
                }
            } else if (arg.equals("--dry-run")) {
                flags.add(arg);
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Optional<Instant> from = Optional.ofNullable(values.get("--from")).map(v -> instant("--from", v));
        Optional<Instant> to = Optional.ofNullable(values.get("--to")).map(v -> instant("--to", v));
        if (from.isPresent() != to.isPresent()) {
            throw new IllegalArgumentException("--from and --to go together");
        }
        if (from.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("--from is after --to");
        }
        if (from.isPresent() && Duration.between(from.get(), to.get()).compareTo(LONGEST_RANGE) > 0) {
            throw new IllegalArgumentException("the range is longer than the " + LONGEST_RANGE.toDays()
                    + " days the outbox keeps items");
        }
        Set<String> eventIds = list(values.get("--event-ids"));
        List<String> outboxIds = List.copyOf(list(values.get("--outbox-ids")));
        int selections = (outboxIds.isEmpty() ? 0 : 1) + (eventIds.isEmpty() ? 0 : 1) + (from.isPresent() && eventIds.isEmpty() ? 1 : 0);
        if (selections != 1 || (!outboxIds.isEmpty() && from.isPresent())) {
            throw new IllegalArgumentException("choose one selection: --from/--to, --event-ids or --outbox-ids");
        }
        int limit;
        try {
            limit = Integer.parseInt(values.getOrDefault("--limit", String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit must be a whole number");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        Optional<String> local = flags.contains("--local")
                ? Optional.of(values.getOrDefault("--local", "http://localhost:3000")) : Optional.empty();
        return new Options(from, to, eventIds, outboxIds, list(values.get("--type")), limit, flags.contains("--dry-run"),
                local, Optional.ofNullable(values.get("--table")), Optional.ofNullable(values.get("--bus")));
    }

    /** Settings to reach the local runtime's AWS endpoint, read from its {@code /_local}; its table and bus names. */
    static Settings localSettings(String runtimeUrl) {
        JsonNode summary;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(runtimeUrl.replaceAll("/+$", "") + "/_local")).timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            summary = Json.MAPPER.readTree(response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("no local runtime answers at " + runtimeUrl + " (start it with ./scripts/dev)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        String endpoint = summary.path("endpoints").path("aws").asText("");
        if (endpoint.isBlank()) {
            throw new IllegalStateException(runtimeUrl + "/_local names no AWS endpoint: is it the Omnis local runtime?");
        }
        String bus = "omnis-dev";
        for (JsonNode name : summary.path("buses")) {
            if (!name.asText().equals("default")) {
                bus = name.asText();
            }
        }
        // the runtime's DynamoDB Local is shared by every access key; the region is the template's default
        return Settings.of(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "replay",
                "AWS_SECRET_ACCESS_KEY", "local", "OUTBOX_TABLE", "OutboxTable", "EVENT_BUS_NAME", bus));
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-06-15T10:00:00Z");
        }
    }

    private static Set<String> list(String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
