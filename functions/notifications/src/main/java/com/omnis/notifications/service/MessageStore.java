package com.omnis.notifications.service;

import com.omnis.notifications.domain.ClaimKey;
import com.omnis.notifications.domain.ClaimState;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.shared.dynamo.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The messages table: one claim per message (exactly once), the delivery log per customer, deferred
 * messages, the suppression list and the marketing frequency cap. Every state change of a claim is a
 * conditional write on the state it leaves, so two deliveries of one event cannot both move it.
 */
public interface MessageStore {

    record Claim(ClaimState state, Instant at) {
    }

    /** A message waiting for its time (quiet hours, the frequency cap). */
    record Deferred(MessageRequest request, com.omnis.notifications.domain.MessageChannel channel, Instant notBefore) {
    }

    Optional<Claim> claim(ClaimKey key);

    /** Takes the message for sending: from no claim (or from {@code DEFERRED} when {@code fromDeferred}); false when another delivery has it. */
    boolean startSending(ClaimKey key, boolean fromDeferred, Instant at);

    /** {@code SENDING} → {@code SENT}, with its log line, in one transaction. */
    void sent(ClaimKey key, Delivery log);

    /** {@code SENDING} → back where it was (no claim, or {@code DEFERRED}), after a send that failed: a retry may send it. */
    void release(ClaimKey key, boolean toDeferred);

    /**
     * Records a decision that sends nothing now ({@code SUPPRESSED}, {@code DEFERRED} with its deferred item,
     * {@code UNCERTAIN}) with its log line, from {@code from} (empty: no claim yet); false when the claim moved.
     */
    boolean settle(ClaimKey key, Optional<ClaimState> from, ClaimState to, Delivery log, Optional<Deferred> deferred);

    List<Deferred> dueDeferred(Instant now, int limit);

    Optional<String> suppression(String address);

    void suppress(String address, String reason, Instant at);

    /**
     * The opt-out an erasure kept for {@code address} ({@link com.omnis.notifications.domain.Suppression#MARKETING_WITHDRAWN}),
     * looked up by its {@code ContactHash} (of the address as given and as normalised); it refuses marketing only.
     */
    Optional<String> optOut(String address);

    /** Keeps an erased customer's opt-out under {@code contactHash}, beside any suppression of that contact; idempotent. */
    void keepOptOut(String contactHash, String channel, Instant at);

    /** What an erasure deleted: log lines ({@code messages}) and the other items of the customer ({@code records}). */
    record Erased(int messages, int records) {
    }

    /**
     * Deletes everything held for {@code customerId}: its delivery log, its claims and deferred messages (reminders
     * of idle carts and saved items included), its marketing cap, the summaries of its orders. Counts only what
     * existed: a second call deletes nothing and answers zeros.
     */
    Erased erase(String customerId);

    /** Takes the customer's marketing slot of {@code day}; false when a message already took it. */
    boolean takeMarketingDay(String customerId, LocalDate day);

    boolean marketingSentOn(String customerId, LocalDate day);

    void releaseMarketingDay(String customerId, LocalDate day);

    Page<Delivery> log(String customerId, int limit, Optional<String> cursor);
}
