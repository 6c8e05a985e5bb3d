package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of {@code CUSTOMERS_TABLE}: one partition per customer (partition key {@code customerId}),
 * one typed item per fact (sort key {@code item}):
 * <ul>
 *   <li>{@code PROFILE}: contact details, language, time zone, {@code version};</li>
 *   <li>{@code CONSENTS}: the current consent of each (purpose, channel) stated so far, and {@code version}
 *       = the number of statements, which serialises them;</li>
 *   <li>{@code CONSENT#<sequence>} (zero-padded): the append-only consent ledger, in the order statements
 *       were made (a sequence, not a timestamp: two channels within a millisecond stay in order);</li>
 *   <li>{@code SAVED#<sku>}: a saved item; it alone carries {@code savedSku}, the partition key of the
 *       sparse {@code bySku} index that finds who saved a SKU (sorted by customer).</li>
 * </ul>
 * Activity joins the same partition under its own prefix ({@link #TIMELINE_PREFIX}, {@link #INTERACTION_PREFIX},
 * {@link #VIEWED_PREFIX}, {@link #PRIVACY_PREFIX}; laid out by the customers function, the only reader), and the
 * data key of {@link #DATA_KEY} (read by every function that seals or opens the customer's free text), so
 * everything held about a person is one Query away. Mapped by hand: the attribute names are the
 * ones the write conditions use. The customers function writes; other contexts read through
 * {@link CustomerDirectory}.
 */
public final class CustomerItems {

    public static final String CUSTOMER_ID = "customerId";
    public static final String ITEM = "item";
    public static final String BY_SKU_INDEX = "bySku";
    public static final String SAVED_SKU = "savedSku";
    /** Sparse: only {@code PROFILE} items carry {@code email} / {@code phone}, so an agent's search is a Query. */
    public static final String BY_EMAIL_INDEX = "byEmail";
    public static final String BY_PHONE_INDEX = "byPhone";
    /** Sparse too: {@code PROFILE} items with a name carry {@code nameKey} (2 letters) and {@code nameFolded}. */
    public static final String BY_NAME_INDEX = "byName";
    public static final String NAME_KEY = "nameKey";
    public static final String NAME_FOLDED = "nameFolded";

    public static final String PROFILE = "PROFILE";
    public static final String CONSENTS = "CONSENTS";
    public static final String LEDGER_PREFIX = "CONSENT#";
    public static final String SAVED_PREFIX = "SAVED#";
    /** {@code TIMELINE#<occurredAt>#<eventId>}: one projected fact (functions/customers' {@code ActivityItems}). */
    public static final String TIMELINE_PREFIX = "TIMELINE#";
    /** {@code INTERACTION#<at>#<interactionId>}: a contact recorded by an agent or store staff. */
    public static final String INTERACTION_PREFIX = "INTERACTION#";
    /** {@code VIEWED#<at>#<requestId>}: an agent opened the customer's 360 view. */
    public static final String VIEWED_PREFIX = "VIEWED#";
    /** {@code PRIVACY#<requestId>}: an export or erasure request (no personal data: ids, dates, states). */
    public static final String PRIVACY_PREFIX = "PRIVACY#";
    /** {@code EXPORT#<requestId>#<chunk>}: a part of an export's document, removed by TTL ({@link #EXPIRES_AT}). */
    public static final String EXPORT_PREFIX = "EXPORT#";
    /** The table's TTL attribute (epoch seconds): only export documents carry it. */
    public static final String EXPIRES_AT = "expiresAt";
    /** Left by an erasure (no personal data): late events of that customer are no longer projected. */
    public static final String ERASED = "ERASED";
    /**
     * {@code DATAKEY}: the customer's data key, wrapped ({@code shared.privacy.DynamoCustomerKeys}); the free text
     * of their events is sealed with it, and an erasure deletes it. Never made again once {@link #ERASED} is there.
     */
    public static final String DATA_KEY = "DATAKEY";

    public static final String VERSION = "version";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String LOCALE = "locale";
    public static final String TIME_ZONE = "timeZone";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String UPDATED_VIA = "updatedVia";
    public static final String CURRENT = "current";
    public static final String PURPOSE = "purpose";
    public static final String CHANNEL = "channel";
    public static final String GRANTED = "granted";
    public static final String AT = "at";
    public static final String TOUCHPOINT = "touchpoint";
    public static final String ACTOR_KIND = "actorKind";
    public static final String ACTOR_ID = "actorId";
    public static final String WORDING_VERSION = "wordingVersion";
    public static final String SEQUENCE = "sequence";
    public static final String SKU = "sku";
    public static final String SAVED_AT = "savedAt";
    public static final String PRICE_AMOUNT = "priceAmount";
    public static final String PRICE_CURRENCY = "priceCurrency";
    public static final String AVAILABLE = "availableWhenSaved";

    /** Keys and index of the table, as the template must declare them. */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), CUSTOMER_ID, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), ITEM, AttributeValueType.S)
            .addIndexPartitionKey(BY_SKU_INDEX, SAVED_SKU, AttributeValueType.S)
            .addIndexSortKey(BY_SKU_INDEX, CUSTOMER_ID, AttributeValueType.S)
            .addIndexPartitionKey(BY_EMAIL_INDEX, EMAIL, AttributeValueType.S)
            .addIndexPartitionKey(BY_PHONE_INDEX, PHONE, AttributeValueType.S)
            .addIndexPartitionKey(BY_NAME_INDEX, NAME_KEY, AttributeValueType.S)
            .addIndexSortKey(BY_NAME_INDEX, NAME_FOLDED, AttributeValueType.S)
            .build();

    private CustomerItems() {
    }

    public static Map<String, AttributeValue> key(CustomerId customer, String item) {
        return Map.of(CUSTOMER_ID, s(customer.value()), ITEM, s(item));
    }

    public static String ledgerItem(long sequence) {
        return LEDGER_PREFIX + String.format("%012d", sequence);
    }

    public static String savedItem(Sku sku) {
        return SAVED_PREFIX + sku.value();
    }

    // ---- PROFILE

    public static Map<String, AttributeValue> toItem(CustomerProfile p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.customerId(), PROFILE));
        putIfPresent(item, NAME, p.name());
        String folded = p.name() == null ? "" : NamePrefix.fold(p.name());
        if (folded.length() >= NamePrefix.KEY_LENGTH) {
            item.put(NAME_KEY, s(folded.substring(0, NamePrefix.KEY_LENGTH)));
            item.put(NAME_FOLDED, s(folded));
        }
        putIfPresent(item, EMAIL, p.email() == null ? null : p.email().value());
        putIfPresent(item, PHONE, p.phone() == null ? null : p.phone().value());
        putIfPresent(item, LOCALE, p.locale() == null ? null : p.locale().code());
        putIfPresent(item, TIME_ZONE, p.timeZone() == null ? null : p.timeZone().getId());
        item.put(VERSION, n(p.version()));
        item.put(CREATED_AT, s(p.createdAt().toString()));
        item.put(UPDATED_AT, s(p.updatedAt().toString()));
        putIfPresent(item, UPDATED_VIA, p.updatedVia() == null ? null : p.updatedVia().code());
        return item;
    }

    /** A stored profile; a value that no longer passes its rule (a rule tightened since) reads as absent. */
    public static CustomerProfile profileFromItem(Map<String, AttributeValue> item) {
        return new CustomerProfile(CustomerId.of(item.get(CUSTOMER_ID).s()), text(item, NAME),
                tolerant(text(item, EMAIL), Email::of), tolerant(text(item, PHONE), PhoneNumber::of),
                text(item, LOCALE) == null ? null : Language.fromCode(text(item, LOCALE)).orElse(null),
                tolerant(text(item, TIME_ZONE), TimeZones::of), longOf(item, VERSION),
                Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(UPDATED_AT).s()),
                text(item, UPDATED_VIA) == null ? null : Channel.fromCode(text(item, UPDATED_VIA)).orElse(null));
    }

    // ---- CONSENTS (current state) and CONSENT#<sequence> (ledger)

    public static Map<String, AttributeValue> toItem(CustomerId customer, Consents consents) {
        Map<String, AttributeValue> current = new HashMap<>();
        consents.current().forEach(c -> current.put(pairKey(c.purpose(), c.channel()), AttributeValue.fromM(statement(c))));
        Map<String, AttributeValue> item = new HashMap<>(key(customer, CONSENTS));
        item.put(CURRENT, AttributeValue.fromM(current));
        item.put(VERSION, n(consents.version()));
        return item;
    }

    public static Consents consentsFromItem(Map<String, AttributeValue> item) {
        List<Consent> current = new ArrayList<>();
        AttributeValue map = item.get(CURRENT);
        if (map != null && map.hasM()) {
            // a purpose or channel this code does not know (added by a newer deploy) is skipped, not fatal
            map.m().values().forEach(value -> {
                try {
                    current.add(consentFrom(value.m()));
                } catch (IllegalArgumentException unknown) {
                    // tolerant reader
                }
            });
        }
        return new Consents(current, longOf(item, VERSION));
    }

    public static Map<String, AttributeValue> ledgerToItem(CustomerId customer, Consent consent) {
        Map<String, AttributeValue> item = new HashMap<>(key(customer, ledgerItem(consent.sequence())));
        item.putAll(statement(consent));
        return item;
    }

    public static Consent consentFromItem(Map<String, AttributeValue> item) {
        return consentFrom(item);
    }

    private static Map<String, AttributeValue> statement(Consent c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(PURPOSE, s(c.purpose().code()));
        m.put(CHANNEL, s(c.channel().code()));
        m.put(GRANTED, AttributeValue.fromBool(c.granted()));
        m.put(AT, s(c.at().toString()));
        m.put(TOUCHPOINT, s(c.touchpoint().code()));
        m.put(ACTOR_KIND, s(c.actor().kind().code()));
        m.put(ACTOR_ID, s(c.actor().id()));
        m.put(WORDING_VERSION, s(c.wordingVersion()));
        m.put(SEQUENCE, n(c.sequence()));
        return m;
    }

    private static Consent consentFrom(Map<String, AttributeValue> m) {
        return new Consent(ConsentPurpose.of(m.get(PURPOSE).s()), ContactChannel.of(m.get(CHANNEL).s()),
                m.get(GRANTED).bool(), Instant.parse(m.get(AT).s()), Channel.parse(m.get(TOUCHPOINT).s()),
                new Actor(Actor.Kind.of(m.get(ACTOR_KIND).s()), m.get(ACTOR_ID).s()), m.get(WORDING_VERSION).s(),
                longOf(m, SEQUENCE));
    }

    public static String pairKey(ConsentPurpose purpose, ContactChannel channel) {
        return purpose.code() + "#" + channel.code();
    }

    // ---- SAVED#<sku>

    public static Map<String, AttributeValue> toItem(SavedItem saved) {
        Map<String, AttributeValue> item = new HashMap<>(key(saved.customerId(), savedItem(saved.sku())));
        item.put(SKU, s(saved.sku().value()));
        item.put(SAVED_SKU, s(saved.sku().value()));
        item.put(SAVED_AT, s(saved.savedAt().toString()));
        item.put(TOUCHPOINT, s(saved.touchpoint().code()));
        item.put(PRICE_AMOUNT, n(saved.priceWhenSaved().amount()));
        item.put(PRICE_CURRENCY, s(saved.priceWhenSaved().currency()));
        item.put(AVAILABLE, n(saved.availableWhenSaved()));
        return item;
    }

    public static SavedItem savedFromItem(Map<String, AttributeValue> item) {
        return new SavedItem(CustomerId.of(item.get(CUSTOMER_ID).s()), Sku.of(item.get(SKU).s()),
                Instant.parse(item.get(SAVED_AT).s()), Channel.parse(item.get(TOUCHPOINT).s()),
                Money.of(longOf(item, PRICE_AMOUNT), item.get(PRICE_CURRENCY).s()), longOf(item, AVAILABLE));
    }

    // ---- attribute helpers

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static <T> T tolerant(String raw, java.util.function.Function<String, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
