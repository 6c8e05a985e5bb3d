package com.omnis.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.template.EventRuleSpec;
import com.omnis.local.template.RuleTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private final List<String> invoked = new ArrayList<>();
    private final List<LambdaEvent> received = new ArrayList<>();
    private final DeliveryLog log = new DeliveryLog();

    private LocalEventBus bus(EventRuleSpec... rules) {
        return new LocalEventBus(List.of(rules), Set.of("omnis-dev"), (functionId, event) -> {
            invoked.add(functionId);
            received.add(event);
            if (functionId.equals("FailingFunction")) {
                throw new IllegalStateException("consumer down");
            }
            return null;
        }, Runnable::run, log, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static EventRuleSpec rule(String id, String pattern, RuleTarget... targets) {
        return new EventRuleSpec(id, "omnis-dev", pattern, List.of(targets), true);
    }

    private static BusEvent lowStock(int available) {
        return BusEvent.of("omnis-dev", "omnis.inventory", "LowStock", Map.of("sku", "SKU-1", "available", available),
                List.of(), NOW);
    }

    @Test
    void deliversAMatchingEventToEveryTargetOfTheRuleAsAScheduledEvent() {
        LocalEventBus bus = bus(rule("LowStockRule", "{\"source\":[\"omnis.inventory\"],\"detail-type\":[\"LowStock\"]}",
                RuleTarget.of("NotifyFunction"), RuleTarget.of("ReplenishFunction")));

        List<String> matched = bus.publish(lowStock(3));

        assertThat(matched).containsExactly("LowStockRule");
        assertThat(invoked).containsExactly("NotifyFunction", "ReplenishFunction");
        assertThat(received.getFirst().typed()).isInstanceOfSatisfying(ScheduledEvent.class, event -> {
            assertThat(event.getDetailType()).isEqualTo("LowStock");
            assertThat(event.getSource()).isEqualTo("omnis.inventory");
            assertThat(event.getDetail()).containsEntry("sku", "SKU-1");
            assertThat(event.getTime().getMillis()).isEqualTo(NOW.toEpochMilli());
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> wire = (Map<String, Object>) received.getFirst().wire().get();
        assertThat(wire).containsEntry("detail-type", "LowStock").containsEntry("account", "000000000000")
                .containsKeys("id", "time", "region", "resources", "version");
    }

    @Test
    void matchesContentPatternsAsEventBridgeDoes() {
        LocalEventBus bus = bus(rule("VeryLow", "{\"detail\":{\"available\":[{\"numeric\":[\"<\",5]}]}}",
                RuleTarget.of("NotifyFunction")));

        assertThat(bus.publish(lowStock(7))).isEmpty();
        assertThat(bus.publish(lowStock(4))).containsExactly("VeryLow");
        assertThat(invoked).containsExactly("NotifyFunction");
    }

    @Test
    void ignoresEventsOnOtherBusesAndDisabledRules() {
        LocalEventBus bus = bus(rule("OnDefault", "{\"source\":[\"omnis.inventory\"]}", RuleTarget.of("NotifyFunction")),
                new EventRuleSpec("Disabled", "omnis-dev", "{\"source\":[\"omnis.inventory\"]}",
                        List.of(RuleTarget.of("OtherFunction")), false));

        List<String> matched = bus.publish(BusEvent.of("default", "omnis.inventory", "LowStock", Map.of(), List.of(), NOW));

        assertThat(matched).isEmpty();
        assertThat(bus.publish(lowStock(1))).containsExactly("OnDefault");
        assertThat(invoked).containsExactly("NotifyFunction");
    }

    @Test
    void sendsTheTargetsInputOrThePartOfTheEventAtItsInputPath() {
        LocalEventBus bus = bus(rule("Shaped", "{\"source\":[\"omnis.inventory\"]}",
                new RuleTarget("ConstantFunction", Optional.of("{\"action\":\"recount\"}"), Optional.empty()),
                new RuleTarget("DetailFunction", Optional.empty(), Optional.of("$.detail"))));

        bus.publish(lowStock(2));

        assertThat(received.get(0).wire().get()).isEqualTo(Map.of("action", "recount"));
        assertThat(received.get(1).wire().get()).isEqualTo(Map.of("sku", "SKU-1", "available", 2));
    }

    @Test
    void recordsAFailedDeliveryAndStillDeliversToTheOtherTargets() {
        LocalEventBus bus = bus(rule("Fanout", "{\"source\":[\"omnis.inventory\"]}",
                RuleTarget.of("FailingFunction"), RuleTarget.of("NotifyFunction")));

        bus.publish(lowStock(1));

        assertThat(invoked).containsExactly("FailingFunction", "NotifyFunction");
        assertThat(log.recent()).extracting(Delivery::functionId, Delivery::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NotifyFunction", true),
                        org.assertj.core.groups.Tuple.tuple("FailingFunction", false));
    }

    @Test
    void reportsARuleWhosePatternEventRulerRefuses() {
        LocalEventBus bus = bus(rule("Broken", "{\"source\": \"not-a-list\"}", RuleTarget.of("NotifyFunction")));

        assertThat(bus.warnings()).singleElement().asString().startsWith("Broken:");
        assertThat(bus.publish(lowStock(1))).isEmpty();
    }
}
