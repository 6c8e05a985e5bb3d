package com.omnis.customers.service;

import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.order.OrderHistory;
import com.omnis.shared.order.OrderHistory.OrderSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the till needs for a pickup or a return: who (first name and initial, id) and only the orders
 * relevant at the counter. Never consents, messages, timeline, email, address or other orders. Answered
 * from the {@code byNumber}/{@code byCustomer} order indexes and the phone index of profiles, never a scan.
 */
public final class TillView {

    /** The orders function's default return window ({@code RETURN_WINDOW_DAYS}). */
    static final Duration RETURN_WINDOW = Duration.ofDays(30);
    private static final int LOOK_BACK = 50;

    public sealed interface Query permits ByOrderNumber, ByPhone {
    }

    public record ByOrderNumber(CustomerSearch.ByOrderNumber number) implements Query {
    }

    public record ByPhone(PhoneNumber phone) implements Query {
    }

    public record TillOrder(String orderId, String number, String status, List<TillPickup> pickups,
                            boolean returnable) {
    }

    public record TillPickup(String fulfilmentId, String locationId, String state) {
    }

    public record TillCustomer(String customerId, String displayName, List<TillOrder> orders) {
    }

    private final CustomerStore store;
    private final OrderHistory orders;
    private final Clock clock;

    public TillView(CustomerStore store, OrderHistory orders, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.clock = clock;
    }

    public List<TillCustomer> find(Query query) {
        return switch (query) {
            case ByOrderNumber byNumber -> {
                String number = byNumber.number().number();
                yield orders.customerOf(number).flatMap(store::profile)
                        .map(profile -> List.of(answer(profile, order -> order.number().equals(number))))
                        .orElse(List.of());
            }
            case ByPhone byPhone -> store.profilesWithPhone(byPhone.phone()).stream()
                    .map(profile -> answer(profile, order -> !pickups(order).isEmpty() || returnable(order)))
                    .toList();
        };
    }

    private TillCustomer answer(CustomerProfile profile, java.util.function.Predicate<OrderSummary> relevant) {
        CustomerId id = profile.customerId();
        List<TillOrder> relevantOrders = orders.recent(id, LOOK_BACK).stream().filter(relevant)
                .map(order -> new TillOrder(order.orderId(), order.number(), order.status(), pickups(order),
                        returnable(order)))
                .toList();
        return new TillCustomer(id.value(), displayName(profile.name()), relevantOrders);
    }

    private static List<TillPickup> pickups(OrderSummary order) {
        return order.fulfilments().stream()
                .filter(f -> "pickup".equals(f.kind()) && !"collected".equals(f.state())
                        && !"expired".equals(f.state()) && !"cancelled".equals(f.state()))
                .map(f -> new TillPickup(f.fulfilmentId(), f.locationId(), f.state()))
                .toList();
    }

    private boolean returnable(OrderSummary order) {
        boolean handedOver = "completed".equals(order.status()) || "delivered".equals(order.status())
                || order.fulfilments().stream().anyMatch(f -> "delivered".equals(f.state())
                || "collected".equals(f.state()));
        return handedOver && order.placedAt() != null
                && order.placedAt().plus(RETURN_WINDOW).isAfter(clock.instant());
    }

    /** "Camille M." — enough for the till to greet and check, no more. */
    static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] parts = name.strip().split("\\s+");
        return parts.length == 1 ? parts[0]
                : parts[0] + " " + parts[parts.length - 1].substring(0, 1).toUpperCase(Locale.ROOT) + ".";
    }
}
