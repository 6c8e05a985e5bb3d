package com.omnis.customers.dynamo;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.PersonalDataElsewhere;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.order.OrderHistory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the other contexts hold about a customer, through their read ports in {@code shared}: orders
 * today ({@link OrderHistory}); carts and messages join when their read ports exist.
 */
public final class ContextsPersonalData implements PersonalDataElsewhere {

    private final OrderHistory orders;

    public ContextsPersonalData(OrderHistory orders) {
        this.orders = orders;
    }

    @Override
    public Map<String, Object> export(CustomerId customer) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("orders", orders.all(customer));
        return sections;
    }

    @Override
    public List<PrivacyRequest.Blocker> blockers(CustomerId customer, Instant now) {
        return orders.openMatters(customer, now).stream()
                .map(m -> new PrivacyRequest.Blocker(m.orderId(), m.number(), m.reason(), m.until())).toList();
    }
}
