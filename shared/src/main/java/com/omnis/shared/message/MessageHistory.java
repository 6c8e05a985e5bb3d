package com.omnis.shared.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * The read port of a customer's messages for the customers context: the agent's 360 view and the GDPR
 * export. The notifications function writes them; {@link DynamoMessageHistory} reads the customer's log
 * partition of {@code MESSAGES_TABLE} ({@link MessageLayout}) and needs {@code dynamodb:Query} on that
 * table (the table's ARN, no index), nothing else.
 */
public interface MessageHistory {

    /**
     * One message as the agent's screen shows it, in its latest state.
     *
     * @param status    {@code sent}, {@code deferred} or {@code suppressed}
     * @param reason    why ({@code transactional}, {@code consented}, {@code no-consent}, {@code quiet-hours}, {@code bounced}…)
     * @param at        when that state was decided (for {@code sent}: when it was sent)
     * @param purpose   {@code transactional}, {@code marketing}, {@code saved-item-alerts}; null on messages logged before it was kept
     * @param reference {@code order/<id>}, {@code cart/<id>}, {@code sku/<sku>}; null when not known
     */
    record MessageSummary(String messageId, String kind, String purpose, String channel, String status, String reason,
                          Instant at, String reference, String eventType) {
    }

    /** The customer's last {@code limit} messages (one per message, its latest state), newest first. */
    List<MessageSummary> recent(CustomerId customer, int limit);

    /** Every line of the customer's delivery log as stored (email subjects included): for their export. */
    List<JsonNode> all(CustomerId customer);
}
