package com.omnis.relay.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayOutboxCommandTest {

    @Test
    void readsARangeWithTheLocalRuntimeAndALimit() {
        // when
        var options = ReplayOutboxCommand.parse(new String[] {"--from", "2026-06-15T10:00:00Z", "--to", "2026-06-15T10:30:00Z",
                "--local", "--limit", "50", "--type", "StockChanged,LowStock"});

        // then
        assertThat(options.from()).contains(Instant.parse("2026-06-15T10:00:00Z"));
        assertThat(options.local()).contains("http://localhost:3000");
        assertThat(options.limit()).isEqualTo(50);
        assertThat(options.types()).containsExactly("StockChanged", "LowStock");
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void eventIdsMayComeWithARangeButOutboxIdsComeAlone() {
        assertThat(ReplayOutboxCommand.parse(new String[] {"--event-ids", "a, b", "--from", "2026-06-15T10:00:00Z",
                "--to", "2026-06-15T11:00:00Z"}).eventIds()).containsExactly("a", "b");
        assertThat(ReplayOutboxCommand.parse(new String[] {"--outbox-ids", "x", "--dry-run"}).outboxIds()).containsExactly("x");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--outbox-ids", "x", "--event-ids", "a"}))
                .hasMessageContaining("choose one selection");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--outbox-ids", "x", "--from", "2026-06-15T10:00:00Z",
                "--to", "2026-06-15T11:00:00Z"})).hasMessageContaining("choose one selection");
    }

    @Test
    void refusesWhatCouldSendTooMuchOrNothingMeaningful() {
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {})).hasMessageContaining("choose one selection");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--from", "2026-06-15T10:00:00Z"}))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--from", "2026-06-15T10:00:00Z", "--to", "2026-06-01T10:00:00Z"}))
                .hasMessageContaining("after");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--from", "2026-06-01T10:00:00Z", "--to", "2026-06-15T10:00:00Z"}))
                .hasMessageContaining("longer than the 8 days");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--outbox-ids", "x", "--limit", "0"}))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--from", "yesterday", "--to", "2026-06-15T10:00:00Z"}))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> ReplayOutboxCommand.parse(new String[] {"--outbox-ids", "x", "--force"}))
                .hasMessageContaining("unknown option --force");
    }

    @Test
    void aUsageErrorExitsWith2AndPrintsTheUsage() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int status = ReplayOutboxCommand.run(new String[] {"--limit", "3"}, Settings.of(Map.of()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: scripts/replay-outbox");
    }

    @Test
    void withoutATableOrABusNamedItRefusesToGuess() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int status = ReplayOutboxCommand.run(new String[] {"--outbox-ids", "x"}, Settings.of(Map.of()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name the outbox table and the bus");
    }
}
