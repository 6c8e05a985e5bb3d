package com.omnis.carts.domain;

import com.omnis.shared.customer.Actor;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who changed a cart, next to the channels that did ({@link ChannelVisit}): every call-centre agent who
 * changed it on the customer's behalf, and who made the last change (the customer, or an agent). The
 * cart's owner stays its customer whoever edits it. A guest's changes name nobody.
 */
public record CartTrail(Set<String> agents, Optional<Actor> lastChangedBy) {

    public static final CartTrail NONE = new CartTrail(Set.of(), Optional.empty());

    public CartTrail {
        agents = Collections.unmodifiableSet(new TreeSet<>(agents));
        lastChangedBy = lastChangedBy == null ? Optional.empty() : lastChangedBy;
    }

    /** This trail after a change by {@code by}; unchanged when the change names nobody. */
    public CartTrail changedBy(Optional<Actor> by) {
        if (by.isEmpty()) {
            return this;
        }
        Set<String> after = new TreeSet<>(agents);
        if (by.get().kind() == Actor.Kind.AGENT) {
            after.add(by.get().id());
        }
        return new CartTrail(after, by);
    }
}
