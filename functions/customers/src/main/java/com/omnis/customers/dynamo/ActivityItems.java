package com.omnis.customers.dynamo;

import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.customers.domain.TimelineEntry;
import com.omnis.customers.service.ActivityStore;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the activity items of a customer's partition ({@link CustomerItems} holds the keys and
 * prefixes): {@code TIMELINE#<occurredAt>#<eventId>} (ISO instants sort as time does, so the timeline is
 * the partition's order and an event arriving late lands in its place), {@code INTERACTION#<at>#<id>},
 * {@code VIEWED#<at>#<requestId>}.
 */
final class ActivityItems {

    static final String OCCURRED_AT = "occurredAt";
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String CHANNEL = "channel";
    static final String SUMMARY = "summary";
    static final String REFS = "refs";
    static final String INTERACTION_ID = "interactionId";
    static final String REASON = "reason";
    static final String OUTCOME = "outcome";
    static final String STORE_ID = "storeId";
    static final String ROUTE = "route";

    private ActivityItems() {
    }

    static String timelineItem(Instant occurredAt, String eventId) {
        return CustomerItems.TIMELINE_PREFIX + occurredAt + "#" + eventId;
    }

    static String interactionItem(Interaction interaction) {
        return CustomerItems.INTERACTION_PREFIX + interaction.at() + "#" + interaction.interactionId();
    }

    static Map<String, AttributeValue> toItem(TimelineEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(e.customerId(), timelineItem(e.occurredAt(), e.eventId())));
        item.put(OCCURRED_AT, s(e.occurredAt().toString()));
        item.put(EVENT_ID, s(e.eventId()));
        item.put(TYPE, s(e.type()));
        if (e.channel() != null) {
            item.put(CHANNEL, s(e.channel()));
        }
        actor(item, e.actor());
        item.put(SUMMARY, s(e.summary()));
        Map<String, AttributeValue> refs = new HashMap<>();
        e.refs().forEach((k, v) -> refs.put(k, s(v)));
        item.put(REFS, AttributeValue.fromM(refs));
        return item;
    }

    static TimelineEntry timelineFromItem(Map<String, AttributeValue> item) {
        Map<String, String> refs = new HashMap<>();
        AttributeValue stored = item.get(REFS);
        if (stored != null && stored.hasM()) {
            stored.m().forEach((k, v) -> refs.put(k, v.s()));
        }
        return new TimelineEntry(CustomerId.of(item.get(CustomerItems.CUSTOMER_ID).s()),
                Instant.parse(item.get(OCCURRED_AT).s()), item.get(EVENT_ID).s(), item.get(TYPE).s(),
                text(item, CHANNEL), actorOf(item), item.get(SUMMARY).s(), refs);
    }

    static Map<String, AttributeValue> toItem(Interaction i) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(i.customerId(), interactionItem(i)));
        item.put(INTERACTION_ID, s(i.interactionId()));
        item.put(CHANNEL, s(i.channel().code()));
        item.put(REASON, s(i.reason()));
        item.put(SUMMARY, s(i.summary()));
        item.put(OUTCOME, s(i.outcome().code()));
        actor(item, i.actor());
        if (i.storeId() != null) {
            item.put(STORE_ID, s(i.storeId()));
        }
        item.put(CustomerItems.AT, s(i.at().toString()));
        return item;
    }

    static Interaction interactionFromItem(Map<String, AttributeValue> item) {
        return new Interaction(item.get(INTERACTION_ID).s(), CustomerId.of(item.get(CustomerItems.CUSTOMER_ID).s()),
                InteractionChannel.of(item.get(CHANNEL).s()), item.get(REASON).s(), item.get(SUMMARY).s(),
                InteractionOutcome.of(item.get(OUTCOME).s()), actorOf(item), text(item, STORE_ID),
                Instant.parse(item.get(CustomerItems.AT).s()));
    }

    static Map<String, AttributeValue> viewToItem(CustomerId customer, Actor viewer, String route, Instant at,
                                                  String requestId) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(customer,
                CustomerItems.VIEWED_PREFIX + at + "#" + requestId));
        actor(item, viewer);
        item.put(ROUTE, s(route));
        item.put(CustomerItems.AT, s(at.toString()));
        return item;
    }

    static ActivityStore.View viewFromItem(Map<String, AttributeValue> item) {
        return new ActivityStore.View(actorOf(item), item.get(ROUTE).s(), Instant.parse(item.get(CustomerItems.AT).s()));
    }

    private static void actor(Map<String, AttributeValue> item, Actor actor) {
        item.put(CustomerItems.ACTOR_KIND, s(actor.kind().code()));
        item.put(CustomerItems.ACTOR_ID, s(actor.id()));
    }

    private static Actor actorOf(Map<String, AttributeValue> item) {
        return new Actor(Actor.Kind.of(item.get(CustomerItems.ACTOR_KIND).s()), item.get(CustomerItems.ACTOR_ID).s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
