package com.omnis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.aws.LocalOutbox;
import com.omnis.local.aws.LocalQueues;
import com.omnis.local.events.BusEvent;
import com.omnis.local.events.DeliveryLog;
import com.omnis.local.events.LocalEventBus;
import com.omnis.local.events.ScheduleRunner;
import com.omnis.local.http.IncomingRequest;
import com.omnis.local.http.LocalEndpoints;
import com.omnis.local.lambda.LocalFunctions;
import com.omnis.local.lambda.LocalMetrics;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's own endpoints, for people and tests: what runs ({@code GET /_local}), a development
 * token ({@code GET /_local/token?sub=…&groups=…&store=…}), the bus's recent events and deliveries
 * ({@code GET /_local/events}), publishing an event ({@code POST /_local/events}), firing a schedule
 * now ({@code POST /_local/schedules/{id}}), the messages sent to people ({@code GET /_local/outbox}),
 * what the functions counted ({@code GET /_local/metrics}) and the runtime's clock
 * ({@code GET /_local/clock}; {@code POST /_local/clock {"advance": "P3D"}} or {@code {"to": "<instant>"}}).
 */
final class LocalAdmin implements LocalEndpoints {

    private final SamTemplate template;
    private final LocalFunctions functions;
    private final LocalEventBus bus;
    private final ScheduleRunner schedules;
    private final DeliveryLog deliveries;
    private final LocalOutbox outbox;
    private final Map<String, Object> endpoints;
    private final LocalClock clock;
    private final LocalMetrics metrics;
    private LocalQueues queues;

    LocalAdmin(SamTemplate template, LocalFunctions functions, LocalEventBus bus, ScheduleRunner schedules,
               DeliveryLog deliveries, LocalOutbox outbox, Map<String, Object> endpoints, LocalClock clock,
               LocalMetrics metrics) {
        this.template = template;
        this.functions = functions;
        this.bus = bus;
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Serves {@code GET /_local/queues}: what functions sent to SQS queues (the relay's dead letters). */
    void showQueues(LocalQueues queues) {
        this.queues = queues;
    }

    @Override
    public Optional<Reply> handle(IncomingRequest request) {
        String path = request.rawPath().substring(PREFIX.length());
        String method = request.method();
        if (method.equals("GET") && (path.isEmpty() || path.equals("/"))) {
            return Optional.of(Reply.ok(summary()));
        }
        if (method.equals("GET") && path.equals("/token")) {
            return Optional.of(Reply.ok(Map.of("token", token(query(request.rawQuery())))));
        }
        if (method.equals("GET") && path.equals("/events")) {
            return Optional.of(Reply.ok(Map.of("events", bus.recentEvents().stream().map(BusEvent::wire).toList(),
                    "deliveries", deliveries.recent())));
        }
        if (method.equals("POST") && path.equals("/events")) {
            return Optional.of(publish(request));
        }
        if (method.equals("POST") && path.startsWith("/schedules/")) {
            String id = URLDecoder.decode(path.substring("/schedules/".length()), StandardCharsets.UTF_8);
            var fired = schedules.fire(id);
            if (fired.isEmpty()) {
                throw new NotFoundException("no schedule " + id + "; schedules: " + schedules.schedules().stream()
                        .map(schedule -> schedule.id()).distinct().toList());
            }
            return Optional.of(Reply.ok(Map.of("schedule", id, "deliveries", fired)));
        }
        if (method.equals("GET") && path.equals("/queues")) {
            return Optional.of(Reply.ok(Map.of("queues", queues == null ? Map.of() : queues.messages())));
        }
        if (method.equals("GET") && path.equals("/outbox")) {
            if (wantsPage(request)) {
                return Optional.of(Reply.ok(new LocalEndpoints.Html(OutboxPage.render(outbox.messages()))));
            }
            return Optional.of(Reply.ok(Map.of("messages", outbox.messages())));
        }
        if (method.equals("GET") && path.equals("/metrics")) {
            return Optional.of(Reply.ok(Map.of("functions", metrics.snapshot())));
        }
        if (method.equals("GET") && path.equals("/clock")) {
            return Optional.of(Reply.ok(time()));
        }
        if (method.equals("POST") && path.equals("/clock")) {
            return Optional.of(moveClock(request));
        }
        return Optional.empty();
    }

    /** A browser asks for text/html first; curl, tests and scripts get JSON unless they ask for the page. */
    private static boolean wantsPage(IncomingRequest request) {
        String accept = request.header("Accept").orElse("");
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    private Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endpoints", endpoints);
        summary.put("functions", functions.loaded().keySet());
        summary.put("unavailableFunctions", functions.failures());
        summary.put("routes", template.routes().stream()
                .map(route -> route.routeKey() + " -> " + route.functionId() + (route.requiresToken() ? " (token)" : ""))
                .toList());
        summary.put("tables", template.tables().stream().map(table -> table.tableName()).toList());
        summary.put("buses", bus.buses());
        summary.put("rules", template.eventRules().stream().map(rule -> rule.id() + " on " + rule.busName()).toList());
        summary.put("schedules", schedules.schedules().stream().map(schedule -> Map.of(
                "id", schedule.id(), "expression", schedule.expression(), "function", schedule.target().functionId(),
                "next", schedules.nextFiring(schedule).map(Object::toString).orElse("disabled"))).toList());
        summary.put("streams", template.streamSources().stream()
                .map(source -> source.tableId() + " -> " + source.functionId()).toList());
        summary.put("warnings", template.warnings());
        return summary;
    }

    private static String token(Map<String, String> query) {
        String subject = Optional.ofNullable(query.get("sub")).filter(s -> !s.isBlank())
                .orElseThrow(() -> InvalidInputException.of("query sub", "is required, for example sub=customer-1"));
        List<String> groups = Optional.ofNullable(query.get("groups")).map(raw -> Arrays.stream(raw.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        DevTokenCli.checkGroups(groups, Optional.ofNullable(query.get("store"))).ifPresent(problem -> {
            throw InvalidInputException.of("query groups", problem);
        });
        Duration ttl;
        try {
            ttl = Optional.ofNullable(query.get("ttl")).map(DevTokenCli::parseDuration).orElse(DevTokens.DEFAULT_TTL);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("query ttl", e.getMessage());
        }
        return DevTokens.forSubject(subject).groups(groups).store(query.get("store")).ttl(ttl).sign();
    }

    private Reply publish(IncomingRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProblemException.malformed("the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.malformed("send {\"source\": …, \"detail-type\": …, \"detail\": {…}, \"eventBusName\": …}");
        }
        String source = body.path("source").asText("");
        String detailType = body.path("detail-type").asText(body.path("detailType").asText(""));
        if (source.isBlank() || detailType.isBlank()) {
            throw InvalidInputException.of("source, detail-type", "are required");
        }
        String busName = body.path("eventBusName").asText(defaultBus());
        if (!bus.hasBus(busName)) {
            throw InvalidInputException.of("eventBusName", "no bus " + busName + "; buses: " + bus.buses());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = body.has("detail") ? Json.MAPPER.convertValue(body.get("detail"), Map.class) : Map.of();
        BusEvent event = BusEvent.of(busName, source, detailType, detail, List.of(), clock.instant());
        List<String> matched = bus.publish(event);
        return new Reply(202, Map.of("id", event.id(), "eventBusName", busName, "matchedRules", matched));
    }

    private Map<String, Object> time() {
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("now", clock.instant().toString());
        time.put("ahead", clock.ahead().toString());
        return time;
    }

    /**
     * Moves the clock forward, then fires once each schedule whose time has passed, before answering:
     * the caller sees the sweep's effect at once.
     */
    private Reply moveClock(IncomingRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProblemException.malformed("the body is not JSON");
        }
        boolean advance = body != null && body.hasNonNull("advance");
        boolean to = body != null && body.hasNonNull("to");
        if (body == null || !body.isObject() || advance == to) {
            throw InvalidInputException.of("advance, to",
                    "send one of {\"advance\": \"P3D\"} (an ISO-8601 duration) or {\"to\": \"2030-01-01T00:00:00Z\"}");
        }
        try {
            if (advance) {
                Duration duration;
                try {
                    duration = Duration.parse(body.get("advance").asText());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("advance", "is not an ISO-8601 duration such as PT15M or P3D");
                }
                clock.advance(duration);
            } else {
                Instant target;
                try {
                    target = Instant.parse(body.get("to").asText());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("to", "is not an instant such as 2030-01-01T00:00:00Z");
                }
                clock.moveTo(target);
            }
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(advance ? "advance" : "to", e.getMessage());
        }
        Map<String, Object> answer = time();
        answer.put("fired", schedules.clockMoved());
        return Reply.ok(answer);
    }

    /** The template's own bus when it declares exactly one, else {@code default}. */
    private String defaultBus() {
        List<String> declared = bus.buses().stream().filter(name -> !name.equals("default")).toList();
        return declared.size() == 1 ? declared.getFirst() : "default";
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
