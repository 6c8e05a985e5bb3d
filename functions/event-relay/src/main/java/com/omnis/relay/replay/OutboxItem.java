package com.omnis.relay.replay;

import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An outbox item as the table holds it: its key, when it was written, its events (empty if unreadable). */
public record OutboxItem(String id, Instant createdAt, Optional<List<DomainEvent>> events) {
}
