package com.omnis.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.omnis.orders.service.PickupService;
import com.omnis.shared.config.Settings;
import java.util.Map;

/** The pickup schedule: reminders a day before, then expiry and restocking of uncollected pickups. */
public final class OrdersPickupHandler implements RequestHandler<Map<String, Object>, PickupService.Sweep> {

    static final int BATCH = 100;

    private final PickupService pickups;

    public OrdersPickupHandler() {
        this(Orders.fromSettings(Settings.current()).pickups());
    }

    public OrdersPickupHandler(PickupService pickups) {
        this.pickups = pickups;
    }

    @Override
    public PickupService.Sweep handleRequest(Map<String, Object> event, Context context) {
        return pickups.sweep(BATCH, context == null ? "schedule" : context.getAwsRequestId());
    }
}
