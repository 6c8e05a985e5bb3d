package com.omnis.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static final Instant MONDAY_10_07 = Instant.parse("2025-06-02T10:07:30Z");

    @Test
    void firesARateOnePeriodLater() {
        assertThat(ScheduleExpression.parse("rate(1 minute)").next(MONDAY_10_07)).isEqualTo("2025-06-02T10:08:30Z");
        assertThat(ScheduleExpression.parse("rate(2 hours)").next(MONDAY_10_07)).isEqualTo("2025-06-02T12:07:30Z");
        assertThat(ScheduleExpression.parse("rate(7 days)").next(MONDAY_10_07)).isEqualTo("2025-06-09T10:07:30Z");
    }

    @Test
    void firesACronAtItsNextMatchingMinuteInUtc() {
        assertThat(ScheduleExpression.parse("cron(0 3 * * ? *)").next(MONDAY_10_07)).isEqualTo("2025-06-03T03:00:00Z");
        assertThat(ScheduleExpression.parse("cron(0/15 8-18 ? * MON-FRI *)").next(MONDAY_10_07))
                .isEqualTo("2025-06-02T10:15:00Z");
        assertThat(ScheduleExpression.parse("cron(30 9 ? * SAT *)").next(MONDAY_10_07)).isEqualTo("2025-06-07T09:30:00Z");
        assertThat(ScheduleExpression.parse("cron(0 0 1 JAN ? 2026)").next(MONDAY_10_07)).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void refusesWhatItCannotEvaluateWithAReason() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 3 L * ? *)")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 3 * *)")).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("every minute")).hasMessageContaining("neither rate");
    }
}
