package com.omnis.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.inventory.service.ReservationService;
import com.omnis.shared.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Runs every minute (a schedule in template.yaml): releases holds whose time is up back to stock.
 * Expiry itself is enforced by the commit's write condition; this only gives the units back.
 */
public final class InventorySweeperHandler implements RequestHandler<ScheduledEvent, InventorySweeperHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySweeperHandler.class);

    /** At most this many holds per run: a run stays well inside the function timeout; the next run continues. */
    static final int MAX_PER_RUN = 500;

    /** What a sweep did. */
    public record Report(int expired) {
    }

    private final ReservationService reservations;

    public InventorySweeperHandler() {
        this(Inventory.sweeperFromSettings(Settings.current()));
    }

    public InventorySweeperHandler(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.EVENT_BRIDGE, event, () -> {
            String correlationId = event.getId() != null ? event.getId() : "sweep";
            int expired = reservations.expireDue(MAX_PER_RUN, correlationId);
            LOG.info("expired {} holds", expired);
            return new Report(expired);
        });
    }
}
