package com.omnis.customers.service;

import com.omnis.customers.domain.TimelineEntry;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.Page;
import java.util.Optional;
import java.util.Set;

/** Reads a customer's timeline, newest first, a page at a time. */
public final class TimelineService {

    public static final int PAGE = 50;

    private final ActivityStore activity;

    public TimelineService(ActivityStore activity) {
        this.activity = activity;
    }

    /** A page of the facts of {@code types} (every type when empty), resumed from {@code cursor}. */
    public Page<TimelineEntry> page(CustomerId customer, Set<String> types, Optional<String> cursor) {
        return activity.timeline(customer, types, PAGE, cursor);
    }
}
