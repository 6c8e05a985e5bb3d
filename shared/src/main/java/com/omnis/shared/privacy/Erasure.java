package com.omnis.shared.privacy;

import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The contract of a customer's erasure (GDPR Article 17) between the contexts. The customers function
 * publishes {@link Approved}; every context that holds personal data (its name in {@link #PARTS}) erases
 * what it holds and publishes {@link PartCompleted} with its name; the request is complete when every part
 * answered. The events carry ids and hashes only, never a contact detail.
 */
public final class Erasure {

    public static final String APPROVED = "ErasureApproved";
    public static final String PART_COMPLETED = "ErasurePartCompleted";

    /** The contexts that answer an {@code ErasureApproved}, by the name they answer with. */
    public static final List<String> PARTS = List.of("customers", "orders", "carts", "notifications");

    private Erasure() {
    }

    /**
     * A customer's erasure goes ahead. {@code optOuts} are the contacts whose marketing was withdrawn,
     * hashed with {@link ContactHash}, so notifications keeps honouring them once the profile is gone.
     */
    public record Approved(CustomerId customerId, String requestId, Instant approvedAt, List<OptOut> optOuts) {
        public Approved {
            optOuts = optOuts == null ? List.of() : List.copyOf(optOuts);
        }
    }

    public record OptOut(ContactChannel channel, String contactHash) {
    }

    /** A context erased its part of a customer's data; {@code counts}: what went or was anonymised, by kind. */
    public record PartCompleted(CustomerId customerId, String requestId, String part, Instant completedAt,
                                Map<String, Integer> counts) {
        public PartCompleted {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
        }
    }

    /** The answer of the context {@code source} ({@code omnis.orders}, …) for the outbox. */
    public static DomainEvent partCompleted(String source, PartCompleted done, String correlationId) {
        return DomainEvent.of(PART_COMPLETED, source, done.completedAt(), "customer/" + done.customerId()
                + "/privacy/" + done.requestId() + "/" + done.part(), done, correlationId);
    }
}
