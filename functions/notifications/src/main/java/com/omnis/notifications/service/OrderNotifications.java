package com.omnis.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.domain.LinkSigner;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.notifications.domain.OpeningHours;
import com.omnis.notifications.domain.OrderSummary;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.domain.Money;
import com.omnis.shared.events.DomainEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional messages of an order, from the orders' events (docs/orders.md, "Events"): which
 * event asks for which message, and what its template shows. No consent is needed: it is the
 * customer's own order.
 */
public final class OrderNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(OrderNotifications.class);

    /** As long as orders accepts a delivery-confirmation token (docs/orders.md). */
    public static final Duration CONFIRMATION_LINK_VALIDITY = Duration.ofDays(14);

    /** The order event types this reacts to; the rule's EventPattern in template.yaml lists the same. */
    public static final List<String> EVENT_TYPES = List.of("OrderPlaced", "FulfilmentReadyForPickup", "PickupReminderDue",
            "FulfilmentShipped", "FulfilmentDelivered", "FulfilmentCollected", "ReturnReceived", "PaymentStatusChanged",
            "PickupExpired");

    private final Notifier notifier;
    private final OrderBook orders;
    private final LocationRepository locations;
    private final LinkSigner links;
    private final String storefrontUrl;

    public OrderNotifications(Notifier notifier, OrderBook orders, LocationRepository locations, LinkSigner links,
                              String storefrontUrl) {
        this.notifier = notifier;
        this.orders = orders;
        this.locations = locations;
        this.links = links;
        this.storefrontUrl = storefrontUrl.replaceAll("/+$", "");
    }

    public List<Notifier.Outcome> on(DomainEvent event) {
        JsonNode data = event.data();
        String orderId = data.path("orderId").asText();
        if (event.type().equals("OrderPlaced")) {
            orders.remember(summary(event));
        }
        Optional<MessageKind> kind = kindOf(event);
        if (kind.isEmpty()) {
            return List.of();
        }
        OrderSummary order = find(orderId);
        if (order.customer().isEmpty()) {
            // a guest's contact is not in the orders' events: see the report of this branch
            LOG.info("order {} is a guest's: no {} message", order.number(), kind.get().code());
            return List.of();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("orderNumber", order.number());
        model.put("orderUrl", storefrontUrl + "/orders/" + encode(orderId));
        model.putAll(details(kind.get(), event, data, order));
        return notifier.notify(new MessageRequest(event.id(), event.type(), event.occurredAt(), kind.get(),
                order.customer().get(), model, "order/" + orderId));
    }

    /**
     * The events of one outbox item (an in-store sale's OrderPlaced and FulfilmentCollected) reach us at the
     * same moment: a few short re-reads spare them a platform retry, which waits for a minute or more.
     */
    private OrderSummary find(String orderId) {
        for (Duration pause : ORDER_PATIENCE) {
            Optional<OrderSummary> order = orders.find(orderId);
            if (order.isPresent()) {
                return order.get();
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return orders.find(orderId).orElseThrow(() -> new OrderNotKnownYetException(orderId));
    }

    private static final List<Duration> ORDER_PATIENCE = List.of(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(600));

    private static Optional<MessageKind> kindOf(DomainEvent event) {
        return Optional.ofNullable(switch (event.type()) {
            case "OrderPlaced" -> MessageKind.ORDER_CONFIRMATION;
            case "FulfilmentReadyForPickup" -> MessageKind.READY_FOR_PICKUP;
            case "PickupReminderDue" -> MessageKind.PICKUP_REMINDER;
            case "FulfilmentShipped" -> MessageKind.SHIPPED;
            case "FulfilmentDelivered", "FulfilmentCollected" -> MessageKind.RECEIVED_CHECK;
            case "ReturnReceived" -> MessageKind.RETURN_RECEIVED;
            case "PaymentStatusChanged" -> "failed".equals(event.data().path("paymentStatus").asText())
                    ? MessageKind.PAYMENT_FAILED : null;
            case "PickupExpired" -> MessageKind.PICKUP_EXPIRED;
            default -> null;
        });
    }

    private Map<String, Object> details(MessageKind kind, DomainEvent event, JsonNode data, OrderSummary order) {
        Map<String, Object> model = new LinkedHashMap<>();
        switch (kind) {
            case ORDER_CONFIRMATION -> {
                model.put("total", order.total());
                model.put("lines", order.lines().stream().map(line -> Map.<String, Object>of("sku", line.sku(),
                        "quantity", line.quantity(), "lineTotal", line.lineTotal())).toList());
            }
            case READY_FOR_PICKUP, PICKUP_REMINDER, PICKUP_EXPIRED -> {
                model.put("store", store(data.path("locationId").asText()));
                instant(data.path("pickupDeadline")).ifPresent(deadline -> model.put("pickupDeadline", deadline));
            }
            case SHIPPED -> {
                model.put("carrier", data.path("carrier").asText(""));
                model.put("trackingNumber", data.path("trackingNumber").asText(""));
            }
            case RECEIVED_CHECK -> {
                String token = links.issue(order.orderId(), LinkSigner.DELIVERY_CONFIRMATION,
                        event.occurredAt().plus(CONFIRMATION_LINK_VALIDITY));
                String base = storefrontUrl + "/orders/" + encode(order.orderId()) + "/received?token=" + encode(token);
                model.put("yesUrl", base + "&received=true");
                model.put("noUrl", base + "&received=false");
                model.put("collected", event.type().equals("FulfilmentCollected"));
            }
            case RETURN_RECEIVED -> model.put("refund", money(data.path("refund")).orElse(Money.zero(order.total().currency())));
            case PAYMENT_FAILED -> model.put("total", order.total());
            default -> throw new IllegalArgumentException(kind.code() + " is not an order message");
        }
        return model;
    }

    private Map<String, Object> store(String locationId) {
        Optional<Location> location = locationId.isBlank() ? Optional.empty() : locations.find(locationId);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", location.map(Location::name).orElse(locationId));
        location.map(Location::address).ifPresent(address -> {
            store.put("line1", address.line1());
            store.put("postalCode", address.postalCode());
            store.put("city", address.city());
        });
        store.put("hours", new OpeningHours(location.map(Location::openingHours).orElse(Map.of())));
        return store;
    }

    private static OrderSummary summary(DomainEvent event) {
        JsonNode data = event.data();
        List<OrderSummary.Line> lines = new ArrayList<>();
        for (JsonNode line : data.path("lines")) {
            lines.add(new OrderSummary.Line(line.path("sku").asText(), line.path("quantity").asInt(),
                    money(line.path("lineTotal")).orElseThrow(() -> new IllegalArgumentException("a line has a lineTotal"))));
        }
        String customerId = data.path("customerId").asText("");
        return new OrderSummary(data.path("orderId").asText(), data.path("number").asText(),
                customerId.isBlank() ? null : customerId,
                money(data.path("total")).orElseThrow(() -> new IllegalArgumentException("OrderPlaced has a total")), lines,
                event.occurredAt());
    }

    private static Optional<Money> money(JsonNode node) {
        return node.isObject() ? Optional.of(Money.of(node.path("amount").asLong(), node.path("currency").asText()))
                : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
