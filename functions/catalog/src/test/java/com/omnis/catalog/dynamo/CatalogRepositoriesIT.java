package com.omnis.catalog.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.catalog.service.CatalogProducts;
import com.omnis.catalog.service.CatalogPromotions;
import com.omnis.local.SeedTables;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The catalog's adapters (its writes, the shared reads) over HTTP, through the client {@link AwsClients} builds for Lambda (URL
 * connection client, endpoint from the environment): DynamoDB Local in CI, any DynamoDB otherwise.
 * Tables have the keys and index template.yaml declares.
 */
class CatalogRepositoriesIT {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    private static final AwsClients AWS = new AwsClients(AwsEndpoints.settingsFor("dynamodb"));
    private static final DynamoDbClient CLIENT = AWS.dynamoDb();
    private static final DynamoDbEnhancedClient ENHANCED = AWS.dynamoDbEnhanced(CLIENT);
    private static final String PRODUCTS = AwsEndpoints.uniqueName("products");
    private static final String PROMOTIONS = AwsEndpoints.uniqueName("promotions");
    private static final String LOCATIONS = AwsEndpoints.uniqueName("locations");

    private final CatalogProducts products = new DynamoCatalogProducts(ENHANCED, PRODUCTS);
    private final CatalogPromotions promotions = new DynamoCatalogPromotions(ENHANCED, PROMOTIONS,
            java.time.Clock.systemUTC());
    private final LocationRepository locations = new DynamoLocationRepository(ENHANCED, LOCATIONS);
    /** No function writes locations: they are seeded in their layout, as the demo data does. */
    private final SeedTables.Writer<Location> locationSeed = SeedTables.locations(ENHANCED, LOCATIONS);

    @BeforeAll
    static void createTables() {
        CLIENT.createTable(r -> r.tableName(PRODUCTS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku"), attribute("category"))
                .keySchema(key("sku", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCategory")
                        .keySchema(key("category", KeyType.HASH), key("sku", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        CLIENT.createTable(r -> r.tableName(PROMOTIONS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("promotionId")).keySchema(key("promotionId", KeyType.HASH)));
        CLIENT.createTable(r -> r.tableName(LOCATIONS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("locationId")).keySchema(key("locationId", KeyType.HASH)));
        for (String table : List.of(PRODUCTS, PROMOTIONS, LOCATIONS)) {
            CLIENT.waiter().waitUntilTableExists(r -> r.tableName(table));
        }
    }

    @AfterAll
    static void deleteTables() {
        for (String table : List.of(PRODUCTS, PROMOTIONS, LOCATIONS)) {
            CLIENT.deleteTable(r -> r.tableName(table));
        }
    }

    @Test
    void productsAreSavedFoundInBatchesAndListedByCategoryAndTextPageByPage() {
        // given 30 shoes and 5 wool socks, the last sock inactive
        IntStream.range(0, 30).forEach(i -> products.save(product("SHOE-%03d".formatted(i), "Trail shoe " + i, "shoes", true)));
        IntStream.range(0, 5).forEach(i -> products.save(product("SOCK-%03d".formatted(i), "Wool sock " + i, "socks", i != 4)));

        // when
        Optional<Product> one = products.find(Sku.of("SHOE-007"));
        Map<Sku, Product> batch = products.findAll(IntStream.range(0, 30).mapToObj(i -> Sku.of("SHOE-%03d".formatted(i))).toList());
        List<String> shoes = walk(Optional.of("shoes"), Optional.empty(), 8);
        List<String> woolSocks = walk(Optional.empty(), Optional.of("wool"), 2);

        // then
        assertThat(one).contains(product("SHOE-007", "Trail shoe 7", "shoes", true));
        assertThat(products.find(Sku.of("NONE-1"))).isEmpty();
        assertThat(batch).hasSize(30);
        assertThat(shoes).hasSize(30).doesNotHaveDuplicates().isSorted();
        assertThat(woolSocks).containsExactlyInAnyOrder("SOCK-000", "SOCK-001", "SOCK-002", "SOCK-003");
    }

    @Test
    void promotionsAreSavedAndOnlyThoseInTheirWindowAreActive() {
        // given
        Promotion summer = promotion("summer", NOW.minusSeconds(3600), NOW.plusSeconds(3600));
        Promotion winter = promotion("winter", NOW.plusSeconds(86_400), NOW.plusSeconds(2 * 86_400));

        // when
        promotions.save(winter);
        promotions.save(summer);

        // then
        assertThat(promotions.all()).containsExactly(summer, winter);
        assertThat(promotions.activeAt(NOW)).containsExactly(summer);
    }

    @Test
    void locationsComeBackWithTheirAddressAndOpeningHours() {
        // given
        Location store = new Location("store-lyon", "Lyon Part-Dieu", Location.LocationType.STORE,
                new Location.Address("17 rue du Docteur Bouchut", "69003", "Lyon", "FR"),
                Map.of("MON", "09:00-20:00"), true, true, List.of("6900"), "Europe/Paris");

        // when
        locationSeed.save(store);

        // then
        assertThat(locations.find("store-lyon")).contains(store);
        assertThat(locations.find("store-none")).isEmpty();
        assertThat(locations.all()).containsExactly(store);
    }

    private List<String> walk(Optional<String> category, Optional<String> text, int limit) {
        List<String> skus = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Product> page = products.list(category, text, limit, cursor);
            page.items().forEach(p -> skus.add(p.sku().value()));
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent() && skus.size() < 100);
        return skus;
    }

    private static Product product(String sku, String name, String category, boolean active) {
        return new Product(Sku.of(sku), name, "A " + name.toLowerCase(), category, "Omnis", Money.of(4999, "EUR"), active, NOW);
    }

    private static Promotion promotion(String id, Instant from, Instant until) {
        return new Promotion(id, id + " sale", Promotion.Kind.PERCENT_OFF, 10, null, Promotion.Target.CATEGORY, "shoes",
                null, from, until);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
