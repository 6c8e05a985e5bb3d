package com.omnis.local.template;

/**
 * A schedule that invokes a function: a {@code Schedule}/{@code ScheduleV2} event, an
 * {@code AWS::Events::Rule} with a {@code ScheduleExpression}, or an {@code AWS::Scheduler::Schedule}.
 *
 * @param expression {@code rate(1 minute)} or {@code cron(0 3 * * ? *)}
 */
public record ScheduleSpec(String id, String expression, RuleTarget target, boolean enabled) {
}
