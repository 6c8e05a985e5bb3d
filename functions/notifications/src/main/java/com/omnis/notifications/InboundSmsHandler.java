package com.omnis.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.service.Suppressions;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import java.util.Optional;
import com.omnis.shared.json.Json;

/**
 * Replies to our text messages, from the two-way SMS topic (AWS End User Messaging publishes each inbound
 * message as JSON: {@code originationNumber}, {@code messageBody}, …). A STOP suppresses the number.
 */
public final class InboundSmsHandler implements RequestHandler<SNSEvent, Integer> {

    private final Suppressions suppressions;
    private final Invocation invocation;

    public InboundSmsHandler() {
        this(Notifications.suppressionsFromSettings(Settings.current()), Invocation.of(Settings.current()));
    }

    public InboundSmsHandler(Suppressions suppressions) {
        this(suppressions, new Invocation(Optional.empty(), Metrics.NONE));
    }

    InboundSmsHandler(Suppressions suppressions, Invocation invocation) {
        this.suppressions = suppressions;
        this.invocation = invocation;
    }

    @Override
    public Integer handleRequest(SNSEvent event, Context context) {
        return invocation.run(context, () -> {
            int stopped = 0;
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                JsonNode message = Json.read(record.getSNS().getMessage(), JsonNode.class);
                if (suppressions.onInboundSms(message.path("originationNumber").asText(""),
                        message.path("messageBody").asText(""))) {
                    stopped++;
                }
            }
            return stopped;
        });
    }
}
