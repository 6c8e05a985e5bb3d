package com.omnis.customers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.omnis.customers.service.PrivacyService;
import com.omnis.shared.config.Settings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The customers' daily schedule: waiting erasures whose wait is over are looked at again and go ahead. */
public final class CustomersScheduleHandler implements RequestHandler<Map<String, Object>, PrivacyService.Retried> {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CustomersScheduleHandler.class);

    private final PrivacyService privacy;

    public CustomersScheduleHandler() {
        this(Customers.fromSettings(Settings.current()).privacy());
    }

    public CustomersScheduleHandler(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public PrivacyService.Retried handleRequest(Map<String, Object> event, Context context) {
        PrivacyService.Retried retried = privacy.retryWaiting(BATCH);
        LOG.info("waiting erasures looked at again: {}, gone ahead: {}", retried.lookedAt(), retried.approved());
        return retried;
    }
}
