package com.omnis.customers.service;

import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.TimelineEntry;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.cart.CartHistory;
import com.omnis.shared.message.MessageHistory;
import com.omnis.shared.order.OrderHistory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's one screen of a customer: profile, current consents, the active cart wherever it was
 * started, saved items, recent orders with each fulfilment's state, open returns and claims, the last
 * messages with their delivery status, the latest timeline facts and contacts, and who looked before.
 * Every look is recorded (who, when) before the answer leaves: an agent's read is never unrecorded.
 */
public final class CustomerView {

    public static final int RECENT_ORDERS = 10;
    public static final int RECENT_FACTS = 20;
    public static final int RECENT_VIEWS = 10;
    public static final int RECENT_MESSAGES = 10;

    public record View(CustomerProfile profile, List<Consent> consents, CartHistory.ActiveCart activeCart,
                       List<SavedItem> savedItems, List<OrderHistory.OrderSummary> orders,
                       List<MessageHistory.MessageSummary> messages, List<TimelineEntry> timeline,
                       List<Interaction> interactions, List<ActivityStore.View> viewedBy) {
    }

    private final CustomerStore customers;
    private final ActivityStore activity;
    private final OrderHistory orders;
    private final CartHistory carts;
    private final MessageHistory messages;
    private final Clock clock;

    public CustomerView(CustomerStore customers, ActivityStore activity, OrderHistory orders, CartHistory carts,
                        MessageHistory messages, Clock clock) {
        this.customers = customers;
        this.activity = activity;
        this.orders = orders;
        this.carts = carts;
        this.messages = messages;
        this.clock = clock;
    }

    public View of(CustomerId customer, Actor agent, String route, String requestId) {
        CustomerProfile profile = customers.profile(customer)
                .orElseThrow(() -> new NotFoundException("no customer " + customer.value()));
        List<ActivityStore.View> before = activity.views(customer, RECENT_VIEWS);
        activity.recordView(customer, agent, route, clock.instant(), requestId);
        return new View(profile, customers.consents(customer).current(), carts.active(customer).orElse(null),
                customers.savedItems(customer), orders.recent(customer, RECENT_ORDERS),
                messages.recent(customer, RECENT_MESSAGES),
                activity.timeline(customer, Set.of(), RECENT_FACTS, Optional.empty()).items(),
                activity.interactions(customer, InteractionService.RECENT), before);
    }
}
