package com.omnis.local.events;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.local.lambda.LambdaEvent;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/** What an EventBridge target receives: the envelope, typed as {@link ScheduledEvent} for handlers that take one. */
final class EventBridgeEvents {

    private EventBridgeEvents() {
    }

    /** The whole event: typed as a {@code ScheduledEvent}, and as its JSON for other handler types. */
    static LambdaEvent envelope(BusEvent event) {
        return LambdaEvent.of(scheduledEvent(event), event.wire());
    }

    static ScheduledEvent scheduledEvent(BusEvent event) {
        ScheduledEvent typed = new ScheduledEvent();
        Map<String, Object> wire = event.wire();
        typed.setVersion(String.valueOf(wire.get("version")));
        typed.setId(event.id());
        typed.setDetailType(event.detailType());
        typed.setSource(event.source());
        typed.setAccount(String.valueOf(wire.get("account")));
        typed.setRegion(String.valueOf(wire.get("region")));
        typed.setTime(new DateTime(event.time().toEpochMilli()));
        typed.setResources(List.copyOf(event.resources()));
        typed.setDetail(event.detail());
        return typed;
    }
}
