package com.omnis.shared.message;

/**
 * The attribute names of {@code MESSAGES_TABLE} that readers outside the notifications function use (its
 * {@code MessageItems} lays the items out with these names): a customer's delivery log is the partition
 * {@code pk = CUSTOMER#<customer>}, one item per decision {@code sk = LOG#<at>#<message>} (the message's
 * 12-hex id is the same on every line of one message: deferred, then sent).
 */
public final class MessageLayout {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String LOG_PREFIX = "LOG#";
    public static final String AT = "at";
    public static final String KIND = "kind";
    /** The kind's purpose ({@code transactional}, {@code marketing}, {@code saved-item-alerts}); absent on older lines. */
    public static final String PURPOSE = "purpose";
    public static final String CHANNEL = "channel";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String SUBJECT = "subject";
    /** What the message is about: {@code order/<id>}, {@code cart/<id>}, {@code sku/<sku>}; absent on older lines. */
    public static final String REFERENCE = "reference";

    private MessageLayout() {
    }

    /** The partition of a customer's delivery log. */
    public static String customerPk(String customerId) {
        return "CUSTOMER#" + customerId;
    }

    /** The message a log line's sort key names ({@code LOG#<at>#<message>}): its last segment. */
    public static String messageId(String sk) {
        return sk.substring(sk.lastIndexOf('#') + 1);
    }
}
