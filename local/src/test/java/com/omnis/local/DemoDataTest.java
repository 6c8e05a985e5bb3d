package com.omnis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.CustomerContact;
import com.omnis.shared.customer.DynamoCustomerDirectory;
import com.omnis.shared.customer.Language;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static EmbeddedDynamo dynamo;
    private static List<String> loaded;

    @BeforeAll
    static void seed() {
        dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
        loaded = new DemoData(dynamo.template(), dynamo.enhancedClient(), dynamo.createdTables(),
                Clock.fixed(NOW, ZoneOffset.UTC)).load();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void loadsFiftyProductsInFiveCategoriesWithEuroPricesReadableByTheCatalogRepository() {
        var products = new DynamoProductRepository(dynamo.enhancedClient(), "ProductsTable");

        List<Product> all = allProducts(products);

        assertThat(loaded).contains("50 products");
        assertThat(all).hasSize(50);
        assertThat(all).extracting(Product::category).containsOnly("shoes", "clothing", "cycling", "outdoor", "fitness");
        assertThat(all).allSatisfy(product -> {
            assertThat(product.price().currency()).isEqualTo("EUR");
            assertThat(product.price().amount()).isPositive();
            assertThat(product.updatedAt()).isEqualTo(NOW);
        });
        assertThat(products.find(Sku.of("SHOE-RUN-42"))).isPresent();
    }

    @Test
    void loadsOneWarehouseAndThreeStoresWithAddressesAndOpeningHours() {
        List<Location> locations = new DynamoLocationRepository(dynamo.enhancedClient(), "LocationsTable").all();

        assertThat(locations).filteredOn(Location::isStore).hasSize(3)
                .allSatisfy(store -> {
                    assertThat(store.address().city()).isNotBlank();
                    assertThat(store.openingHours()).containsKeys("mon", "sat", "sun");
                    assertThat(store.pickupEnabled()).isTrue();
                });
        assertThat(locations).filteredOn(location -> !location.isStore()).singleElement()
                .satisfies(warehouse -> assertThat(warehouse.locationId()).isEqualTo("warehouse-orleans"));
        assertThat(locations).extracting(Location::locationId).contains("store-paris-opera");
    }

    @Test
    void loadsPromotionsThatTargetSeededProductsAndCategories() {
        var products = new DynamoProductRepository(dynamo.enhancedClient(), "ProductsTable");
        Set<String> skus = allProducts(products).stream().map(p -> p.sku().value()).collect(Collectors.toSet());
        Set<String> categories = allProducts(products).stream().map(Product::category).collect(Collectors.toSet());

        List<Promotion> promotions = new DynamoPromotionRepository(dynamo.enhancedClient(), "PromotionsTable").activeAt(NOW);

        assertThat(promotions).hasSizeGreaterThanOrEqualTo(2).allSatisfy(promotion -> assertThat(
                promotion.target() == Promotion.Target.SKU ? skus : categories).contains(promotion.targetValue()));
        assertThat(promotions).extracting(Promotion::code).contains("SUMMER10");
    }

    @Test
    void loadsThreeCustomersInFrenchSpanishAndEnglishWithTheirTimeZonesAndConsents() {
        var customers = new DynamoCustomerDirectory(dynamo.client(), "CustomersTable");

        List<CustomerContact> contacts = List.of("customer-1", "customer-2", "customer-3").stream()
                .map(id -> customers.contact(CustomerId.of(id)).orElseThrow()).toList();

        assertThat(contacts).extracting(c -> c.profile().locale())
                .containsExactly(Language.FR, Language.ES, Language.EN);
        assertThat(contacts).extracting(c -> c.profile().timeZone().getId())
                .containsExactly("Europe/Paris", "Atlantic/Canary", "Europe/London");
        assertThat(contacts).allSatisfy(c -> {
            assertThat(c.profile().email()).isNotNull();
            assertThat(c.profile().phone()).isNotNull();
        });
        assertThat(contacts).extracting(c -> c.granted(ConsentPurpose.MARKETING, ContactChannel.EMAIL))
                .containsExactly(true, false, false);
        // customer-2 granted marketing by email, then withdrew it: the ledger's last word counts
        assertThat(contacts.get(1).consents().of(ConsentPurpose.MARKETING, ContactChannel.EMAIL).orElseThrow().sequence())
                .isEqualTo(3);
        assertThat(contacts.get(1).granted(ConsentPurpose.SAVED_ITEM_ALERTS, ContactChannel.SMS)).isTrue();
    }

    @Test
    void loadsOpeningStockThatTheAvailabilityRuleReads() {
        var locations = new com.omnis.shared.catalog.DynamoLocationRepository(dynamo.enhancedClient(), "LocationsTable");
        var availability = new com.omnis.shared.inventory.AvailabilityQuery(
                new com.omnis.shared.inventory.DynamoStockReader(dynamo.client(), "StockTable", true), locations::all);

        var shoe = availability.of(Sku.of("SHOE-RUN-42"), com.omnis.shared.domain.Channel.WEB);
        var tillInLyon = availability.of(List.of(Sku.of("SHOE-RUN-42")), com.omnis.shared.domain.Channel.STORE,
                java.util.Optional.of("store-lyon-bellecour"), java.util.Optional.empty()).getFirst();

        assertThat(loaded).anySatisfy(kind -> assertThat(kind).endsWith(" stock"));
        assertThat(shoe.available()).isEqualTo(40 + 6 + 6 + 6);
        assertThat(tillInLyon.available()).isEqualTo(6);
    }

    @Test
    void leavesAloneTablesThatWereNotCreatedInThisRun() {
        try (EmbeddedDynamo kept = EmbeddedDynamo.startWith(SamTemplate.load())) {
            List<String> result = new DemoData(kept.template(), kept.enhancedClient(), List.of("CustomersTable"),
                    Clock.systemUTC()).load();

            assertThat(result).containsExactly("3 customers");
            assertThat(kept.client().scan(scan -> scan.tableName("ProductsTable")).count()).isZero();
        }
    }

    private static List<Product> allProducts(DynamoProductRepository products) {
        List<Product> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = products.list(Optional.empty(), Optional.empty(), 100, cursor);
            all.addAll(page.items());
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent());
        return all;
    }
}
