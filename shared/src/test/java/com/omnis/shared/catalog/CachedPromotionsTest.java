package com.omnis.shared.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.catalog.Promotion.Kind;
import com.omnis.shared.catalog.Promotion.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedPromotionsTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** A table that counts its scans. */
    private static final class CountingPromotions implements PromotionRepository {
        final List<Promotion> stored = new ArrayList<>();
        int scans;

        @Override
        public List<Promotion> all() {
            scans++;
            return List.copyOf(stored);
        }

        @Override
        public List<Promotion> activeAt(Instant at) {
            return all().stream().filter(p -> p.isActiveAt(at)).toList();
        }
    }

    private static final class SettableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingPromotions table = new CountingPromotions();
    private final SettableClock clock = new SettableClock();
    private final CachedPromotions cached = new CachedPromotions(table, clock, MAX_AGE);

    private static Promotion tenOffShoes(String id, Instant from, Instant until) {
        return new Promotion(id, "Shoes " + id, Kind.PERCENT_OFF, 10, null, Target.CATEGORY, "shoes", null, from, until);
    }

    @Test
    void readsTheTableOnceForManyReadsWithinTheMaxAge() {
        // given
        table.stored.add(tenOffShoes("p1", NOW.minusSeconds(3600), NOW.plusSeconds(3600)));

        // when
        for (int read = 0; read < 50; read++) {
            cached.activeAt(clock.instant());
            clock.now = clock.now.plusSeconds(1);
        }

        // then
        assertThat(table.scans).isEqualTo(1);
    }

    @Test
    void showsANewPromotionOnceTheMaxAgeHasPassed() {
        // given
        assertThat(cached.all()).isEmpty();
        table.stored.add(tenOffShoes("new", NOW.minusSeconds(3600), NOW.plusSeconds(3600)));

        // when
        clock.now = NOW.plus(MAX_AGE);
        List<Promotion> atMaxAge = cached.all();
        clock.now = NOW.plus(MAX_AGE).plusMillis(1);
        List<Promotion> afterMaxAge = cached.all();

        // then
        assertThat(atMaxAge).isEmpty();
        assertThat(afterMaxAge).extracting(Promotion::promotionId).containsExactly("new");
        assertThat(table.scans).isEqualTo(2);
    }

    @Test
    void filtersTheCachedPromotionsAtTheInstantAsked() {
        // given
        Instant ends = NOW.plusSeconds(10);
        table.stored.add(tenOffShoes("ending", NOW.minusSeconds(3600), ends));
        table.stored.add(tenOffShoes("running", NOW.minusSeconds(3600), NOW.plusSeconds(3600)));

        // when
        List<Promotion> before = cached.activeAt(NOW);
        List<Promotion> after = cached.activeAt(ends);

        // then
        assertThat(before).extracting(Promotion::promotionId).containsExactly("ending", "running");
        assertThat(after).extracting(Promotion::promotionId).containsExactly("running");
        assertThat(table.scans).isEqualTo(1);
    }
}
