package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;

/**
 * What the relay could never publish, with everything needed to understand and republish it: why,
 * where in the stream it was, the outbox item as the stream delivered it and, when the bus refused one
 * event of a readable item, that event. Sent to the relay's dead-letter queue as JSON.
 *
 * @param reason       {@link #UNREADABLE_ITEM} or {@link #REFUSED_EVENT}
 * @param errorCode    the bus's error code for a refused event, or what made the item unreadable
 * @param errorMessage the bus's explanation, or ours
 * @param streamArn    the outbox stream the record came from
 * @param sequenceNumber the record's sequence number in that stream
 * @param outboxId     the outbox item's id (its key; {@code scripts/replay-outbox --outbox-ids})
 * @param item         the outbox item's new image, in DynamoDB JSON, as the stream delivered it
 * @param eventId      the refused event's id (absent for an unreadable item)
 * @param event        the refused event (absent for an unreadable item)
 */
public record DeadLetter(String reason, String errorCode, String errorMessage, String streamArn, String sequenceNumber,
                         String outboxId, String item, String eventId, DomainEvent event) {

    public static final String UNREADABLE_ITEM = "unreadable-outbox-item";
    public static final String REFUSED_EVENT = "event-refused-by-the-bus";

    static DeadLetter unreadable(OutboxRelay.Item item) {
        return new DeadLetter(UNREADABLE_ITEM, "Unreadable", "the item has no events attribute that reads as a list of events",
                item.streamArn(), item.sequenceNumber(), item.outboxId(), item.content(), null, null);
    }

    static DeadLetter refused(OutboxRelay.Item item, DomainEvent event, EventPublisher.Refusal refusal) {
        return new DeadLetter(REFUSED_EVENT, refusal.code(), refusal.message(), item.streamArn(), item.sequenceNumber(),
                item.outboxId(), item.content(), event.id(), event);
    }

    /** The same letter without the item's content, for when the whole letter is too large for a queue message. */
    DeadLetter withoutItem() {
        return new DeadLetter(reason, errorCode, errorMessage, streamArn, sequenceNumber, outboxId, null, eventId, event);
    }

    /** Only the coordinates and ids, for an event that alone is too large for a queue message. */
    DeadLetter withoutContent() {
        return new DeadLetter(reason, errorCode, errorMessage, streamArn, sequenceNumber, outboxId, null, eventId, null);
    }
}
