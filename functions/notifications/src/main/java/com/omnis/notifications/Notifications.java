package com.omnis.notifications;

import com.omnis.notifications.domain.LinkSigner;
import com.omnis.notifications.dynamo.CustomersReadPort;
import com.omnis.notifications.dynamo.DynamoEventOutbox;
import com.omnis.notifications.dynamo.DynamoIdleCarts;
import com.omnis.notifications.dynamo.DynamoMessageStore;
import com.omnis.notifications.dynamo.DynamoSavedItems;
import com.omnis.notifications.senders.SesEmailSender;
import com.omnis.notifications.senders.SnsSmsSender;
import com.omnis.notifications.service.AbandonedCarts;
import com.omnis.notifications.service.CustomerDirectory;
import com.omnis.notifications.service.EmailSender;
import com.omnis.notifications.service.MessageErasure;
import com.omnis.notifications.service.MessageLog;
import com.omnis.notifications.service.Notifier;
import com.omnis.notifications.service.SavedItemReminders;
import com.omnis.notifications.service.SentCarts;
import com.omnis.notifications.service.OrderNotifications;
import com.omnis.notifications.service.SmsSender;
import com.omnis.notifications.service.StockNotifications;
import com.omnis.notifications.service.Suppressions;
import com.omnis.notifications.templates.MustacheTemplates;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.customer.DynamoCustomerDirectory;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The notifications function's object graph, built once per container from its settings. */
public record Notifications(Notifier notifier, OrderNotifications orders, StockNotifications stock,
                            Suppressions suppressions, AbandonedCarts carts, SavedItemReminders savedItems, MessageLog log,
                            Optional<MessageErasure> erasure, SentCarts sentCarts) {

    /** Where a customer manages their consents, without the storefront's URL: the unsubscribe link. */
    static final String CONSENT_PAGE = "/account/consents";

    /** The delivery log only, for {@code GET /me/messages}: that function reads the messages table and nothing else. */
    public static MessageLog messageLogFromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        return new MessageLog(new DynamoMessageStore(aws.dynamoDb(), settings.require("MESSAGES_TABLE")));
    }

    /** The suppression list only, for the inbound text messages (STOP). */
    public static Suppressions suppressionsFromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        return new Suppressions(new DynamoMessageStore(aws.dynamoDb(), settings.require("MESSAGES_TABLE")), settings.clock());
    }

    public static Notifications fromSettings(Settings settings) {
        return fromSettings(settings, Metrics.forFunction(settings));
    }

    /** The graph of the schedules: no erasure, so that function needs no outbox. */
    public static Notifications fromSettings(Settings settings, Metrics metrics) {
        return fromSettings(settings, metrics, false);
    }

    /** The graph of the bus consumer: with the erasure of a customer's part, which answers on {@code OUTBOX_TABLE}. */
    public static Notifications forBusEvents(Settings settings, Metrics metrics) {
        return fromSettings(settings, metrics, true);
    }

    private static Notifications fromSettings(Settings settings, Metrics metrics, boolean answersErasures) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        EmailSender email = new SesEmailSender(aws.configure(SesV2Client.builder()).build(), settings.require("SENDER_EMAIL"),
                settings.find("SES_CONFIGURATION_SET"));
        SmsSender sms = new SnsSmsSender(aws.configure(SnsClient.builder()).build(), settings.get("SMS_SENDER_ID", "Omnis"));
        Optional<String> outbox = answersErasures ? Optional.of(settings.require("OUTBOX_TABLE")) : Optional.empty();
        return wire(dynamo, aws.dynamoDbEnhanced(dynamo), settings,
                new CustomersReadPort(new DynamoCustomerDirectory(dynamo, settings.require("CUSTOMERS_TABLE"))),
                email, sms, settings.clock(), metrics, outbox);
    }

    /**
     * Wires the function on {@code dynamo} with the table names of {@code settings}, sending through {@code email}
     * and {@code sms}; with an {@code outboxTable}, it answers erasures there.
     */
    public static Notifications wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings,
                                     CustomerDirectory customers, EmailSender email, SmsSender sms, Clock clock,
                                     Metrics metrics, Optional<String> outboxTable) {
        String storefront = settings.require("STOREFRONT_URL");
        DynamoMessageStore store = new DynamoMessageStore(dynamo, settings.require("MESSAGES_TABLE"));
        Notifier notifier = new Notifier(customers, store, new MustacheTemplates(), email, sms,
                storefront.replaceAll("/+$", "") + CONSENT_PAGE, clock, metrics);
        DynamoLocationRepository locations = new DynamoLocationRepository(enhanced, settings.require("LOCATIONS_TABLE"));
        AvailabilityQuery availability = new AvailabilityQuery(
                new DynamoStockReader(dynamo, settings.require("STOCK_TABLE"), true),
                new CachedLocations(locations, clock, Duration.ofMinutes(1)));
        DynamoProductRepository products = new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE"));
        return new Notifications(notifier,
                new OrderNotifications(notifier, store, locations, new LinkSigner(settings.require("ORDER_LINK_SECRET")), storefront),
                new StockNotifications(notifier, customers, availability, products, storefront),
                new Suppressions(store, clock),
                new AbandonedCarts(notifier, new DynamoIdleCarts(dynamo, settings.require("CARTS_TABLE")), products,
                        storefront, clock, Duration.ofHours(Long.parseLong(settings.get("ABANDONED_CART_HOURS", "4")))),
                new SavedItemReminders(notifier, new DynamoSavedItems(dynamo, settings.require("CUSTOMERS_TABLE")), products,
                        availability, storefront, clock, Duration.ofDays(Long.parseLong(settings.get("SAVED_ITEM_DAYS", "7")))),
                new MessageLog(store),
                outboxTable.map(table -> new MessageErasure(store, new DynamoEventOutbox(dynamo, table), clock)),
                new SentCarts(notifier, storefront));
    }
}
