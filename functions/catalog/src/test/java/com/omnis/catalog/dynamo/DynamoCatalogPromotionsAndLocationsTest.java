package com.omnis.catalog.dynamo;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static com.omnis.catalog.testing.CatalogFixtures.eur;
import static com.omnis.catalog.testing.CatalogFixtures.percentOffCategory;
import static com.omnis.catalog.testing.CatalogFixtures.store;
import static com.omnis.catalog.testing.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.catalog.testing.CatalogTables;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Promotion;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The catalog's promotion adapter, and locations as the demo data seeds them and the shared reader reads them. */
class DynamoCatalogPromotionsAndLocationsTest {

    private final CatalogTables tables = new CatalogTables();
    private final DynamoCatalogPromotions promotions = tables.promotions;
    private final DynamoLocationRepository locations = tables.locations;

    @AfterEach
    void dropTables() {
        tables.close();
    }

    private Map<String, AttributeValue> rawItem(String tableSetting, String key, String value) {
        return tables.client().getItem(GetItemRequest.builder().tableName(tables.environment.get(tableSetting))
                .key(Map.of(key, AttributeValue.fromS(value))).build()).item();
    }

    @Test
    void aPromotionComesBackWithEveryFieldAndIsStoredWithReadableCodes() {
        Promotion coded = new Promotion("promo-2", "Five off", Promotion.Kind.AMOUNT_OFF, null, eur(500),
                Promotion.Target.SKU, "SHOE-1", "five", NOW.minusSeconds(60), NOW.plusSeconds(60));

        promotions.save(coded);

        assertThat(promotions.all()).containsExactly(coded);
        Map<String, AttributeValue> item = rawItem("PROMOTIONS_TABLE", "promotionId", "promo-2");
        assertThat(item.get("kind").s()).isEqualTo("amount-off");
        assertThat(item.get("code").s()).isEqualTo("FIVE");
        assertThat(item.get("amountOff").m()).containsEntry("amount", AttributeValue.fromN("500"));
    }

    @Test
    void promotionsAreListedByStartAndOnlyThoseInTheirWindowAreActive() {
        Promotion running = percentOffCategory("promo-b", 10, "shoes");
        Promotion future = new Promotion("promo-a", "Later", Promotion.Kind.PERCENT_OFF, 5, null,
                Promotion.Target.CATEGORY, "hats", null, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        Promotion over = new Promotion("promo-c", "Over", Promotion.Kind.PERCENT_OFF, 5, null,
                Promotion.Target.CATEGORY, "hats", null, NOW.minusSeconds(7200), NOW);
        promotions.save(future);
        promotions.save(running);
        promotions.save(over);

        assertThat(promotions.all()).extracting(Promotion::promotionId).containsExactly("promo-c", "promo-b", "promo-a");
        assertThat(promotions.activeAt(NOW)).containsExactly(running);
    }

    @Test
    void aLocationComesBackWithItsAddressAndOpeningHours() {
        Location paris = store("store-paris", true);
        tables.seed(paris);
        tables.seed(warehouse("wh-central"));

        assertThat(locations.find("store-paris")).contains(paris);
        assertThat(locations.find("store-nice")).isEmpty();
        assertThat(locations.all()).extracting(Location::locationId).containsExactly("store-paris", "wh-central");
        Map<String, AttributeValue> item = rawItem("LOCATIONS_TABLE", "locationId", "store-paris");
        assertThat(item.get("type").s()).isEqualTo("store");
        assertThat(item).doesNotContainKey("store");
    }
}
