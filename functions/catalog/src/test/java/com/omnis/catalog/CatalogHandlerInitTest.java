package com.omnis.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda constructor: everything from Settings, built once, nothing hard-coded. */
class CatalogHandlerInitTest {

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PRODUCTS_TABLE", "omnis-dev-ProductsTable");
        environment.put("PROMOTIONS_TABLE", "omnis-dev-PromotionsTable");
        environment.put("LOCATIONS_TABLE", "omnis-dev-LocationsTable");
        environment.put("STOCK_TABLE", "omnis-dev-StockTable");
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        return environment;
    }

    @Test
    void theLambdaConstructorBuildsFromTheFunctionsSettingsWithoutCallingAws() {
        CatalogHandler handler = Settings.withOverrides(environment(), CatalogHandler::new);

        assertThat(handler.router().routeKeys()).hasSize(8);
    }

    @Test
    void aMissingTableNameFailsAtInitNamingTheSetting() {
        Map<String, String> environment = environment();
        environment.remove("PROMOTIONS_TABLE");

        assertThatThrownBy(() -> Settings.withOverrides(environment, CatalogHandler::new))
                .hasMessage("missing setting PROMOTIONS_TABLE");
    }

    @Test
    void withoutTheStockTableTheCatalogFailsAtInitRatherThanOnTheFirstProductPage() {
        Map<String, String> environment = environment();
        environment.remove("STOCK_TABLE");

        assertThatThrownBy(() -> Settings.withOverrides(environment, CatalogHandler::new))
                .hasMessage("missing setting STOCK_TABLE");
    }

    @Test
    void anInvalidCatalogCurrencyFailsAtInit() {
        Map<String, String> environment = environment();
        environment.put("CATALOG_CURRENCY", "EURO");

        assertThatThrownBy(() -> Settings.withOverrides(environment, CatalogHandler::new))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 4217");
    }
}
