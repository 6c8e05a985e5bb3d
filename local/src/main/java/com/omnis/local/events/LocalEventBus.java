package com.omnis.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.template.EventRuleSpec;
import com.omnis.local.template.RuleTarget;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;

/**
 * The template's EventBridge buses in one process: an event is matched against every enabled
 * rule of its bus with Event Ruler (the matcher EventBridge itself uses) and handed to each
 * target function, asynchronously as EventBridge does. A failed delivery is logged and kept in
 * the {@link DeliveryLog}; locally there is no retry and no dead-letter queue.
 */
public final class LocalEventBus {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY = 200;

    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, EventRuleSpec> rules = new LinkedHashMap<>();
    private final Set<String> buses;
    private final FunctionInvoker invoker;
    private final Executor executor;
    private final Clock clock;
    private final List<String> warnings = new ArrayList<>();
    private final Deque<BusEvent> recentEvents = new ConcurrentLinkedDeque<>();
    private final DeliveryLog deliveries;

    /**
     * @param buses the names of the buses that exist (the template's and {@code default})
     * @param executor where deliveries run: a pool in the runtime, the caller's thread in tests
     */
    public LocalEventBus(List<EventRuleSpec> rules, Set<String> buses, FunctionInvoker invoker, Executor executor,
                         DeliveryLog deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.buses = new LinkedHashSet<>(buses);
        this.buses.add(EventRuleSpec.DEFAULT_BUS);
        this.invoker = invoker;
        this.executor = executor;
        this.clock = clock;
        for (EventRuleSpec rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                machines.computeIfAbsent(rule.busName(), bus -> new Machine()).addRule(rule.id(), rule.eventPattern());
                this.rules.put(rule.id(), rule);
                this.buses.add(rule.busName());
            } catch (IOException | RuntimeException e) {
                warnings.add(rule.id() + ": its EventPattern is not valid for EventBridge (" + e.getMessage() + ")");
            }
        }
    }

    public Set<String> buses() {
        return Collections.unmodifiableSet(buses);
    }

    public boolean hasBus(String name) {
        return buses.contains(name);
    }

    /** Rules whose pattern Event Ruler refused. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Matches the event against its bus's rules and hands it to their targets; returns the matched rule ids. */
    public List<String> publish(BusEvent event) {
        recentEvents.addFirst(event);
        while (recentEvents.size() > HISTORY) {
            recentEvents.pollLast();
        }
        Machine machine = machines.get(event.busName());
        if (machine == null) {
            return List.of();
        }
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(JSON.writeValueAsString(event.wire()));
        } catch (Exception e) {
            LOG.warn("event {} could not be matched: {}", event.id(), e.toString());
            return List.of();
        }
        for (String ruleId : matched) {
            for (RuleTarget target : rules.get(ruleId).targets()) {
                executor.execute(() -> deliver(event, ruleId, target));
            }
        }
        return matched;
    }

    private void deliver(BusEvent event, String ruleId, RuleTarget target) {
        long start = System.nanoTime();
        String error = null;
        try {
            invoker.invoke(target.functionId(), input(event, target));
        } catch (RuntimeException e) {
            error = e.toString();
            LOG.error("rule {} could not deliver event {} to {}", ruleId, event.id(), target.functionId(), e);
        }
        deliveries.record(new Delivery("rule " + ruleId, event.detailType(), target.functionId(),
                clock.instant(), (System.nanoTime() - start) / 1_000_000, error));
    }

    /** The matched event, the target's constant {@code Input}, or the part of the event its {@code InputPath} selects. */
    static LambdaEvent input(BusEvent event, RuleTarget target) {
        if (target.input().isPresent()) {
            return LambdaEvent.of(null, readJson(target.input().get()));
        }
        if (target.inputPath().isPresent() && !target.inputPath().get().equals("$")) {
            JsonNode node = JSON.valueToTree(event.wire());
            for (String field : target.inputPath().get().replaceFirst("^\\$\\.?", "").split("\\.")) {
                node = node.path(field);
            }
            return LambdaEvent.of(null, JSON.convertValue(node, Object.class));
        }
        return EventBridgeEvents.envelope(event);
    }

    public List<BusEvent> recentEvents() {
        return List.copyOf(recentEvents);
    }


    private static Object readJson(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            return json;
        }
    }
}
