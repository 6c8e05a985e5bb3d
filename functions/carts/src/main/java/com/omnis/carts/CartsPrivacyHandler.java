package com.omnis.carts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.carts.dynamo.DynamoCustomerCarts;
import com.omnis.carts.service.CartErasure;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.privacy.Erasure;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The target of the carts' privacy rule on the bus: an approved erasure deletes the customer's carts and
 * answers the carts part ({@link CartErasure}). Another event type is ignored (the rule matches only this
 * one). A failure is thrown: the rule's RetryPolicy delivers the event again, then its dead-letter queue
 * keeps it. Logs carry ids and counts only.
 */
public final class CartsPrivacyHandler implements RequestHandler<ScheduledEvent, CartsPrivacyHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(CartsPrivacyHandler.class);

    /** What one event gave: its type and the counts of the part ({@code carts}), empty when ignored. */
    public record Report(String eventType, Map<String, Integer> counts) {
    }

    private final CartErasure erasure;
    private final Invocation invocation;

    /** For Lambda: the client built once per container from the function's settings. */
    public CartsPrivacyHandler() {
        this(erasureFrom(Settings.current()), Invocation.of(Settings.current()));
    }

    public CartsPrivacyHandler(CartErasure erasure) {
        this(erasure, new Invocation(Optional.empty(), Metrics.NONE));
    }

    CartsPrivacyHandler(CartErasure erasure, Invocation invocation) {
        this.erasure = erasure;
        this.invocation = invocation;
    }

    private static CartErasure erasureFrom(Settings settings) {
        DynamoDbClient dynamo = new AwsClients(settings).dynamoDb();
        return new CartErasure(new DynamoCustomerCarts(dynamo, settings.require("CARTS_TABLE"),
                settings.require("OUTBOX_TABLE")), settings.clock(), Retry.standard(), Metrics.forFunction(settings));
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return invocation.runWithCorrelationId(context, event.getId(), () -> handle(event));
    }

    private Report handle(ScheduledEvent event) {
        DomainEvent domainEvent = DomainEvent.fromDetail(Json.MAPPER.valueToTree(event.getDetail()));
        if (!Erasure.APPROVED.equals(domainEvent.type())) {
            return new Report(domainEvent.type(), Map.of());
        }
        Erasure.Approved approved = domainEvent.dataAs(Erasure.Approved.class);
        Erasure.PartCompleted done = erasure.erase(approved, domainEvent.correlationId());
        LOG.info("erasure {}: carts part done {}", approved.requestId(), done.counts());
        return new Report(domainEvent.type(), done.counts());
    }
}
