package com.omnis.catalog.testing;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders of catalog data shared by the catalog tests. */
public final class CatalogFixtures {

    public static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    private CatalogFixtures() {
    }

    public static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    public static Product product(String sku, String category, long cents) {
        return new Product(Sku.of(sku), "Product " + sku, "A fine " + category + " article", category, "Omnis",
                eur(cents), true, NOW.minusSeconds(86_400));
    }

    public static Product product(String sku, String name, String category, long cents) {
        return new Product(Sku.of(sku), name, null, category, null, eur(cents), true, NOW.minusSeconds(86_400));
    }

    public static Promotion percentOffCategory(String id, int percent, String category) {
        return new Promotion(id, "Sale " + id, Promotion.Kind.PERCENT_OFF, percent, null, Promotion.Target.CATEGORY,
                category, null, NOW.minusSeconds(3600), NOW.plusSeconds(86_400));
    }

    public static Promotion codedPercentOffSku(String id, int percent, String sku, String code) {
        return new Promotion(id, "Code " + code, Promotion.Kind.PERCENT_OFF, percent, null, Promotion.Target.SKU,
                sku, code, NOW.minusSeconds(3600), NOW.plusSeconds(86_400));
    }

    public static Location store(String id, boolean pickup) {
        return new Location(id, "Store " + id, Location.LocationType.STORE,
                new Location.Address("1 Rue de la Paix", "75002", "Paris", "FR"),
                Map.of("mon", "09:00-19:00", "sun", "closed"), pickup, true, List.of("750"), "Europe/Paris");
    }

    public static Location warehouse(String id) {
        return new Location(id, "Warehouse " + id, Location.LocationType.WAREHOUSE,
                new Location.Address("2 Avenue du Port", "13002", "Marseille", "FR"),
                Map.of(), false, false, List.of(), "Europe/Paris");
    }
}
