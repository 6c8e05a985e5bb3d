package com.omnis.local.template;

import java.util.List;

/**
 * An EventBridge rule: a function's {@code EventBridgeRule} event or a standalone
 * {@code AWS::Events::Rule} with an event pattern.
 *
 * @param busName the bus's local name ({@code default} for the account's default bus)
 * @param eventPattern the pattern as JSON, matched with Event Ruler
 */
public record EventRuleSpec(String id, String busName, String eventPattern, List<RuleTarget> targets, boolean enabled) {

    public static final String DEFAULT_BUS = "default";

    public EventRuleSpec {
        targets = List.copyOf(targets);
    }
}
