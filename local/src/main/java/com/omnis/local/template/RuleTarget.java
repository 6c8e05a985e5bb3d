package com.omnis.local.template;

import java.util.Optional;

/**
 * A function an EventBridge rule or schedule invokes, with what the rule sends it: the matched
 * event itself, a constant {@code Input}, or the part of the event at {@code InputPath}.
 */
public record RuleTarget(String functionId, Optional<String> input, Optional<String> inputPath) {

    public static RuleTarget of(String functionId) {
        return new RuleTarget(functionId, Optional.empty(), Optional.empty());
    }
}
