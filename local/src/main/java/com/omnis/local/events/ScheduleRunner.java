package com.omnis.local.events;

import com.omnis.local.template.EventRuleSpec;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.template.ScheduleSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the template's schedules on their rate or cron expression, with the event EventBridge
 * sends ({@code detail-type: Scheduled Event}, or the target's {@code Input}). {@link #fire} runs
 * one at once, so a person or a test need not wait for the next minute. The time is the runtime's
 * clock: when it is moved forward ({@link #clockMoved}), what fell due fires once.
 */
public final class ScheduleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private final Map<ScheduleSpec, ScheduleExpression> expressions = new LinkedHashMap<>();
    private final FunctionInvoker invoker;
    private final DeliveryLog log;
    private final Clock clock;
    private final List<String> warnings = new ArrayList<>();
    /** When each enabled schedule fires next, once started. */
    private final Map<ScheduleSpec, Instant> due = new LinkedHashMap<>();
    private final Map<ScheduleSpec, ScheduledFuture<?>> timers = new LinkedHashMap<>();
    private final Map<ScheduleSpec, Long> generations = new LinkedHashMap<>();
    private ScheduledExecutorService timer;

    public ScheduleRunner(List<ScheduleSpec> schedules, FunctionInvoker invoker, DeliveryLog log, Clock clock) {
        this.invoker = invoker;
        this.log = log;
        this.clock = clock;
        for (ScheduleSpec schedule : schedules) {
            try {
                expressions.put(schedule, ScheduleExpression.parse(schedule.expression()));
                this.schedules.add(schedule);
            } catch (IllegalArgumentException e) {
                warnings.add(schedule.id() + ": " + e.getMessage() + "; it does not fire locally");
            }
        }
    }

    /** Starts the timers of the enabled schedules. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-schedules");
            thread.setDaemon(true);
            return thread;
        });
        Instant now = clock.instant();
        schedules.stream().filter(ScheduleSpec::enabled).forEach(schedule -> {
            due.put(schedule, expressions.get(schedule).next(now));
            arm(schedule);
        });
    }

    /** Sets the timer of {@code schedule} for its next firing, by the runtime's clock. */
    private void arm(ScheduleSpec schedule) {
        long delay = Math.max(0, Duration.between(clock.instant(), due.get(schedule)).toMillis());
        long generation = generations.merge(schedule, 1L, Long::sum);
        timers.put(schedule, timer.schedule(() -> tick(schedule, generation), delay, TimeUnit.MILLISECONDS));
    }

    private synchronized void tick(ScheduleSpec schedule, long generation) {
        if (timer.isShutdown() || generations.get(schedule) != generation) {
            return; // a timer replaced by clockMoved while it waited for the lock
        }
        fireIfDue(schedule);
        arm(schedule);
    }

    /**
     * Fires once a schedule whose time has come, and sets its next firing after now (not after the time
     * it was due): when the clock jumps three days, a minute's schedule fires once, not 4,320 times.
     */
    private Optional<Delivery> fireIfDue(ScheduleSpec schedule) {
        if (due.get(schedule).isAfter(clock.instant())) {
            return Optional.empty();
        }
        Delivery delivery = invoke(schedule);
        due.put(schedule, expressions.get(schedule).next(clock.instant()));
        return Optional.of(delivery);
    }

    /**
     * After the runtime's clock moved: fires, once each and before returning, the enabled schedules
     * whose time has now passed, and resets every timer to the new time. Nothing before {@link #start}.
     */
    public synchronized List<Delivery> clockMoved() {
        if (timer == null || timer.isShutdown()) {
            return List.of();
        }
        List<Delivery> fired = new ArrayList<>();
        for (ScheduleSpec schedule : due.keySet()) {
            ScheduledFuture<?> pending = timers.remove(schedule);
            if (pending != null) {
                pending.cancel(false);
            }
            fireIfDue(schedule).ifPresent(fired::add);
            arm(schedule);
        }
        return fired;
    }

    /** Fires every schedule with this id now (an enabled one or not); empty if there is none. */
    public List<Delivery> fire(String scheduleId) {
        List<Delivery> deliveries = new ArrayList<>();
        schedules.stream().filter(schedule -> schedule.id().equals(scheduleId)).forEach(schedule -> deliveries.add(invoke(schedule)));
        return deliveries;
    }

    public List<ScheduleSpec> schedules() {
        return Collections.unmodifiableList(schedules);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** When an enabled schedule fires next, for the runtime's summary. */
    public synchronized Optional<Instant> nextFiring(ScheduleSpec schedule) {
        if (!schedule.enabled()) {
            return Optional.empty();
        }
        return Optional.of(due.getOrDefault(schedule, expressions.get(schedule).next(clock.instant())));
    }

    private Delivery invoke(ScheduleSpec schedule) {
        BusEvent event = BusEvent.of(EventRuleSpec.DEFAULT_BUS, "aws.events", "Scheduled Event",
                Map.of(), List.of("arn:aws:events:" + SamTemplate.DEFAULT_REGION + ":" + SamTemplate.ACCOUNT_ID + ":rule/"
                        + schedule.id()), clock.instant());
        long start = System.nanoTime();
        String error = null;
        try {
            invoker.invoke(schedule.target().functionId(), LocalEventBus.input(event, schedule.target()));
        } catch (RuntimeException e) {
            error = e.toString();
            LOG.error("schedule {} failed in {}", schedule.id(), schedule.target().functionId(), e);
        }
        Delivery delivery = new Delivery("schedule " + schedule.id(), schedule.expression(), schedule.target().functionId(),
                clock.instant(), (System.nanoTime() - start) / 1_000_000, error);
        log.record(delivery);
        return delivery;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
