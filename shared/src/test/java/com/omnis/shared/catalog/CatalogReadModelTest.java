package com.omnis.shared.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read models hold the rules of the kernel's values, and each table's layout reads back what it wrote. */
class CatalogReadModelTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    private static Product product(String category) {
        return new Product(Sku.of("SHOE-1"), "Trail shoe", null, category, null, Money.of(4999, "EUR"), true, NOW);
    }

    private static Promotion promotion(String code) {
        return new Promotion("promo-1", "Summer", Promotion.Kind.PERCENT_OFF, 10, null, Promotion.Target.CATEGORY,
                "shoes", code, NOW, NOW.plusSeconds(3600));
    }

    private static Location location(String id) {
        return new Location(id, "Lyon", Location.LocationType.STORE, new Location.Address("1 rue", "69003", "Lyon", "FR"),
                Map.of("mon", "09:00-20:00"), true, false, List.of("69"), "Europe/Paris");
    }

    @Test
    void aCategoryIsLowerCaseKebabOfAtMostSixtyCharacters() {
        assertThat(Category.of("trail-shoes").value()).isEqualTo("trail-shoes");
        assertThatThrownBy(() -> Category.of("Trail Shoes")).hasMessage(Category.RULE);
        assertThatThrownBy(() -> Category.of("x".repeat(61))).hasMessage(Category.RULE);
        assertThatThrownBy(() -> product("Shoes")).hasMessage(Category.RULE);
    }

    @Test
    void aPromotionCodeAndALocationIdFollowTheirValuesRule() {
        assertThat(promotion(" summer10 ").code()).isEqualTo("SUMMER10");
        assertThatThrownBy(() -> promotion("x")).hasMessage(PromoCode.RULE);
        assertThatThrownBy(() -> location("Store Lyon")).hasMessage(LocationId.RULE);
    }

    @Test
    void eachLayoutReadsBackWhatItWrote() {
        Product product = new Product(Sku.of("SHOE-1"), "Trail shoe", "Grippy", "shoes", "Omnis", Money.of(4999, "EUR"),
                false, NOW);

        assertThat(ProductItems.fromDocument(ProductItems.toDocument(product))).isEqualTo(product);
        assertThat(ProductItems.fromDocument(ProductItems.toDocument(product("shoes")))).isEqualTo(product("shoes"));
        assertThat(PromotionItems.fromDocument(PromotionItems.toDocument(promotion("SUMMER10"))))
                .isEqualTo(promotion("SUMMER10"));
        assertThat(LocationItems.fromDocument(LocationItems.toDocument(location("store-lyon"))))
                .isEqualTo(location("store-lyon"));
    }
}
