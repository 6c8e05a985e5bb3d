package com.omnis.customers.service;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the other contexts hold about a customer, as their read ports tell it. */
public interface PersonalDataElsewhere {

    /** Each context's part of an export: section name ({@code orders}, {@code carts}, {@code messages}) → its records. */
    Map<String, Object> export(CustomerId customer);

    /** What must finish before the customer's data may be erased (an open order, a return, a dispute window). */
    List<PrivacyRequest.Blocker> blockers(CustomerId customer, Instant now);
}
