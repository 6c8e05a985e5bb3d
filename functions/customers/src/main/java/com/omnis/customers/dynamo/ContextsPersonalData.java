package com.omnis.customers.dynamo;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.PersonalDataElsewhere;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.cart.CartHistory;
import com.omnis.shared.message.MessageHistory;
import com.omnis.shared.order.OrderHistory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the other contexts hold about a customer, through their read ports in {@code shared}: orders
 * ({@link OrderHistory}), carts ({@link CartHistory}) and messages ({@link MessageHistory}).
 */
public final class ContextsPersonalData implements PersonalDataElsewhere {

    private final OrderHistory orders;
    private final CartHistory carts;
    private final MessageHistory messages;

    public ContextsPersonalData(OrderHistory orders, CartHistory carts, MessageHistory messages) {
        this.orders = orders;
        this.carts = carts;
        this.messages = messages;
    }

    @Override
    public Map<String, Object> export(CustomerId customer) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("orders", orders.all(customer));
        sections.put("carts", carts.all(customer));
        sections.put("messages", messages.all(customer));
        return sections;
    }

    @Override
    public List<PrivacyRequest.Blocker> blockers(CustomerId customer, Instant now) {
        return orders.openMatters(customer, now).stream()
                .map(m -> new PrivacyRequest.Blocker(m.orderId(), m.number(), m.reason(), m.until())).toList();
    }
}
