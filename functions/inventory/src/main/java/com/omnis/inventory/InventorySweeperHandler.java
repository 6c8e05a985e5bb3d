package com.omnis.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.inventory.service.ReservationService;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every minute (a schedule in template.yaml): releases holds whose time is up back to stock.
 * Expiry itself is enforced by the commit's write condition; this only gives the units back.
 * A hold it could not expire is logged and left for the next run, and counted as
 * {@value #SWEEP_FAILURES} so that an alarm sees what the log alone would hide.
 */
public final class InventorySweeperHandler implements RequestHandler<ScheduledEvent, InventorySweeperHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySweeperHandler.class);

    /** At most this many holds per run: a run stays well inside the function timeout; the next run continues. */
    static final int MAX_PER_RUN = 500;

    public static final String SWEEP_FAILURES = "SweepFailures";

    /** What a sweep did. */
    public record Report(int expired) {
    }

    private final ReservationService reservations;
    private final Invocation invocation;

    public InventorySweeperHandler() {
        this(Inventory.sweeperFromSettings(Settings.current()), Invocation.of(Settings.current()));
    }

    public InventorySweeperHandler(ReservationService reservations) {
        this(reservations, Invocation.of(Settings.current()));
    }

    public InventorySweeperHandler(ReservationService reservations, Invocation invocation) {
        this.reservations = reservations;
        this.invocation = invocation;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return invocation.runWithCorrelationId(context, event.getId(), () -> {
            String correlationId = event.getId() != null ? event.getId() : "sweep";
            ReservationService.Sweep sweep;
            try {
                sweep = reservations.sweep(MAX_PER_RUN, correlationId);
            } catch (RuntimeException e) {
                // the due holds could not even be listed: the run fails (Lambda's Errors) and is counted
                invocation.metrics().count(SWEEP_FAILURES);
                throw e;
            }
            if (sweep.failed() > 0) {
                invocation.metrics().count(SWEEP_FAILURES, sweep.failed());
            }
            LOG.info("expired {} holds, {} left for the next run", sweep.expired(), sweep.failed());
            return new Report(sweep.expired());
        });
    }
}
