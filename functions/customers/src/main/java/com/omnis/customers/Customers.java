package com.omnis.customers;

import com.omnis.customers.dynamo.CatalogOffers;
import com.omnis.customers.domain.TimelineSummaries;
import com.omnis.customers.dynamo.ContextsPersonalData;
import com.omnis.customers.dynamo.DynamoActivityStore;
import com.omnis.customers.dynamo.DynamoPrivacyStore;
import com.omnis.customers.service.CustomerView;
import com.omnis.customers.service.ErasureParts;
import com.omnis.customers.service.PrivacyService;
import com.omnis.shared.cart.DynamoCartHistory;
import com.omnis.shared.message.DynamoMessageHistory;
import com.omnis.shared.order.DynamoOrderHistory;
import com.omnis.customers.dynamo.DynamoCustomerStore;
import com.omnis.customers.service.ConsentService;
import com.omnis.customers.service.ProductOffers;
import com.omnis.customers.service.CustomerSearch;
import com.omnis.customers.service.TillView;
import com.omnis.customers.service.ContactCentreEvents;
import com.omnis.customers.service.InteractionService;
import com.omnis.customers.service.ProfileService;
import com.omnis.customers.service.TimelineProjection;
import com.omnis.customers.service.TimelineService;
import com.omnis.customers.service.SavedItemService;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.CachedPromotions;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.privacy.PersonalData;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The customers function's object graph, built once per container from its settings. */
public record Customers(ProfileService profiles, ConsentService consents, SavedItemService savedItems,
                        CustomerSearch search, TimelineService timeline, InteractionService interactions,
                        TimelineProjection projection, PrivacyService privacy, ErasureParts erasure,
                        CustomerView view, TillView till,
                        ContactCentreEvents contactCentre) {

    /** Locations change a few times a year; one read a minute per container is plenty. */
    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);

    public static Customers fromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        return wire(dynamo, aws.dynamoDbEnhanced(dynamo), settings, settings.clock(), Retry.standard());
    }

    /** Wires the function on {@code dynamo} with the table names of {@code settings}. */
    public static Customers wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings, Clock clock,
                                 Retry retry) {
        DynamoCustomerStore store = new DynamoCustomerStore(dynamo, settings.require("CUSTOMERS_TABLE"),
                settings.require("OUTBOX_TABLE"));
        CachedLocations locations = new CachedLocations(
                new DynamoLocationRepository(enhanced, settings.require("LOCATIONS_TABLE")), clock, LOCATIONS_MAX_AGE);
        // what the product page shows: its availability is read eventually consistent there too
        ProductOffers offers = new CatalogOffers(new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE")),
                new CachedPromotions(new DynamoPromotionRepository(enhanced, settings.require("PROMOTIONS_TABLE")), clock), new PriceCalculator(),
                new AvailabilityQuery(new DynamoStockReader(dynamo, settings.require("STOCK_TABLE"), false), locations),
                clock);
        DynamoActivityStore activity = new DynamoActivityStore(dynamo, settings.require("CUSTOMERS_TABLE"),
                settings.require("OUTBOX_TABLE"));
        DynamoPrivacyStore privacyStore = new DynamoPrivacyStore(dynamo, settings.require("CUSTOMERS_TABLE"),
                settings.require("OUTBOX_TABLE"));
        DynamoOrderHistory orders = new DynamoOrderHistory(dynamo, settings.require("ORDERS_TABLE"));
        DynamoCartHistory carts = new DynamoCartHistory(dynamo, settings.require("CARTS_TABLE"));
        DynamoMessageHistory messages = new DynamoMessageHistory(dynamo, settings.require("MESSAGES_TABLE"));
        // the reason of a contact travels sealed with the customer's key; an erasure destroys the key
        PersonalData personalData = PersonalData.fromSettings(settings, dynamo, clock);
        return new Customers(new ProfileService(store, clock, retry), new ConsentService(store, clock, retry),
                new SavedItemService(store, offers, clock, retry), new CustomerSearch(store, orders),
                new TimelineService(activity), new InteractionService(store, activity, personalData, clock),
                new TimelineProjection(store, activity, new TimelineSummaries(), personalData),
                new PrivacyService(store, privacyStore, new ContextsPersonalData(orders, carts, messages), clock),
                new ErasureParts(privacyStore, personalData, clock),
                new CustomerView(store, activity, orders, carts, messages, clock),
                new TillView(store, orders, clock), new ContactCentreEvents(store, activity, personalData));
    }
}
