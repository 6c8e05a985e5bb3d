package com.omnis.catalog;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static com.omnis.catalog.testing.CatalogFixtures.eur;
import static com.omnis.catalog.testing.CatalogFixtures.product;
import static com.omnis.catalog.testing.CatalogFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.omnis.catalog.CatalogRequests.PriceBody;
import com.omnis.catalog.CatalogRequests.ProductBody;
import com.omnis.catalog.CatalogRequests.PromotionBody;
import com.omnis.catalog.service.CatalogService;
import com.omnis.catalog.service.PromotionView;
import com.omnis.catalog.testing.InMemoryCatalogProducts;
import com.omnis.catalog.testing.InMemoryCatalogPromotions;
import com.omnis.catalog.testing.InMemoryLocations;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.Problem;
import com.omnis.shared.http.Router;
import com.omnis.shared.inventory.SkuAvailability;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The edge of the catalog: path, query and bodies parsed into values, every bad field named, and nothing
 * written when a request is refused (the service behind is the real one, on in-memory tables).
 */
class CatalogRequestsTest {

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryCatalogProducts products = new InMemoryCatalogProducts();
    private final InMemoryCatalogPromotions promotions = new InMemoryCatalogPromotions();
    private final InMemoryLocations locations = new InMemoryLocations();
    private final CatalogService service = new CatalogService(products, promotions, locations,
            (sku, channel, postalCode) -> new SkuAvailability(sku, channel, 0, List.of(), List.of()),
            new PriceCalculator(), clock);
    private final CatalogRequests requests = new CatalogRequests("EUR", clock);

    /** The problem the one mapper makes of the domain error {@code call} throws. */
    private static Problem problemOf(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("a domain error is thrown").isNotNull();
        return Router.problemOf(thrown);
    }

    /** What {@code PUT /products/{sku}} does with the path and the body. */
    private CatalogService.Saved putProduct(String rawSku, ProductBody body) {
        Sku sku = CatalogRequests.sku(rawSku);
        return service.putProduct(sku, requests.product(sku, body));
    }

    /** What {@code PUT /products/{sku}/price} does with the path and the body. */
    private void changePrice(String rawSku, PriceBody body) {
        Sku sku = CatalogRequests.sku(rawSku);
        service.changePrice(sku, requests.price(body));
    }

    private PromotionView createPromotion(PromotionBody body) {
        return service.createPromotion(requests.promotion(body));
    }

    private static ProductBody shoeRequest(Money price) {
        return new ProductBody(null, "Trail runner", "Grippy sole", "shoes", "Omnis", price, null);
    }

    private static PromotionBody percentOff(Promotion.Target target, String value, int percent) {
        return new PromotionBody("Summer", Promotion.Kind.PERCENT_OFF, percent, null, target, value, null,
                null, NOW.plusSeconds(86_400));
    }

    @Nested
    class ShowingProducts {

        @Test
        void aMalformedPostalCodeIsABadRequest() {
            assertThat(CatalogRequests.postalCode(Optional.of("75002"))).contains("75002");

            Problem problem = problemOf(() -> CatalogRequests.postalCode(Optional.of("75002; DROP")));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query postalCode");
        }

        @Test
        void aMalformedSkuIsABadRequestNamingThePathParameter() {
            Problem problem = problemOf(() -> CatalogRequests.sku("shoe 1"));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("path sku");
        }

        @Test
        void badListingQueriesAreRejectedTogether() {
            Problem problem = problemOf(() -> CatalogRequests.search(Optional.of("Shoes!"),
                    Optional.of("a b c d e f"), 20, Optional.empty()));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query category", "query q");
        }

        @Test
        void aTooLongTextQueryIsRejected() {
            Problem problem = problemOf(() -> CatalogRequests.search(Optional.empty(), Optional.of("x".repeat(101)), 20,
                    Optional.empty()));

            assertThat(problem.errors()).containsExactly(new FieldError("query q", "is at most 100 characters"));
        }

        @Test
        void aBlankTextQueryListsEverything() {
            assertThat(CatalogRequests.search(Optional.empty(), Optional.of("   "), 20, Optional.empty()).text()).isEmpty();
        }
    }

    @Nested
    class PuttingProducts {

        @Test
        void anAbsentActiveFlagMeansOnSaleAndTextsAreTrimmed() {
            putProduct("SHOE-9", new ProductBody("SHOE-9", "  Trail runner ", " ", "shoes", " Omnis ", eur(8999), null));

            assertThat(products.find(Sku.of("SHOE-9"))).get()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("Trail runner"))
                    .satisfies(p -> assertThat(p.description()).isNull())
                    .satisfies(p -> assertThat(p.brand()).isEqualTo("Omnis"))
                    .satisfies(p -> assertThat(p.active()).isTrue());
        }

        @Test
        void aBodySkuOtherThanThePathIsRejectedAndNothingIsSaved() {
            Problem problem = problemOf(() -> putProduct("SHOE-9",
                    new ProductBody("SHOE-8", "Trail runner", null, "shoes", null, eur(100), null)));

            assertThat(problem.errors()).containsExactly(new FieldError("sku", "must be the SKU of the path, SHOE-9"));
            assertThat(products.saves()).isZero();
        }

        @Test
        void everyMissingFieldIsNamedInOneProblem() {
            Problem problem = problemOf(() -> putProduct("SHOE-9",
                    new ProductBody(null, " ", null, null, null, null, null)));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).endsWith("/invalid-input");
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("name", "category", "price");
            assertThat(products.saves()).isZero();
        }

        @Test
        void aNegativePriceIsRejected() {
            Problem problem = problemOf(() -> putProduct("SHOE-9", shoeRequest(eur(-1))));

            assertThat(problem.errors()).containsExactly(new FieldError("price.amount", "must be at least 0"));
            assertThat(products.saves()).isZero();
        }

        @Test
        void aPriceInAnotherCurrencyThanTheCatalogsIsRejected() {
            Problem problem = problemOf(() -> putProduct("SHOE-9", shoeRequest(Money.of(100, "USD"))));

            assertThat(problem.errors()).containsExactly(
                    new FieldError("price.currency", "must be EUR, the catalog's currency"));
        }

        @Test
        void anAbsurdlyHighPriceIsRejected() {
            Problem problem = problemOf(() -> putProduct("SHOE-9", shoeRequest(eur(CatalogRequests.MAX_PRICE + 1))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("price.amount");
        }

        @Test
        void aCategoryMustBeLowerCaseKebab() {
            Problem problem = problemOf(() -> putProduct("SHOE-9",
                    new ProductBody(null, "Trail runner", null, "Running Shoes", null, eur(100), null)));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("category");
        }

        @Test
        void aMalformedPathSkuIsRejectedBeforeTheBodyIsLookedAt() {
            Problem problem = problemOf(() -> putProduct("shoe-9", shoeRequest(eur(100))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("path sku");
            assertThat(products.saves()).isZero();
        }
    }

    @Nested
    class ChangingPrices {

        @Test
        void aMissingOrNegativePriceLeavesThePriceUnchanged() {
            products.save(product("SHOE-1", "shoes", 10000));

            assertThat(problemOf(() -> changePrice("SHOE-1", new PriceBody(null))).errors())
                    .containsExactly(new FieldError("price", "is required"));
            assertThat(problemOf(() -> changePrice("SHOE-1", new PriceBody(eur(-5)))).errors())
                    .extracting(FieldError::field).containsExactly("price.amount");
            assertThat(products.find(Sku.of("SHOE-1")).orElseThrow().price()).isEqualTo(eur(10000));
        }
    }

    @Nested
    class CreatingPromotions {

        @Test
        void aCategoryPromotionGetsAnIdStartsNowAndLowersThePricesAtOnce() {
            products.save(product("SHOE-1", "shoes", 10000));

            PromotionView created = createPromotion(percentOff(Promotion.Target.CATEGORY, "shoes", 25));

            assertThat(created.promotion().promotionId()).matches("promo-[0-9a-f-]{36}");
            assertThat(created.promotion().validFrom()).isEqualTo(NOW);
            assertThat(created.active()).isTrue();
            assertThat(service.promotions()).containsExactly(created);
            assertThat(service.product(Sku.of("SHOE-1"), Channel.WEB, Optional.empty()).effectivePrice())
                    .isEqualTo(eur(7500));
        }

        @Test
        void aPromotionStartingLaterIsListedAsNotActive() {
            PromotionView created = createPromotion(new PromotionBody("Later", Promotion.Kind.AMOUNT_OFF,
                    null, eur(500), Promotion.Target.CATEGORY, "shoes", " later10 ", NOW.plusSeconds(60),
                    NOW.plusSeconds(3600)));

            assertThat(created.active()).isFalse();
            assertThat(created.promotion().code()).isEqualTo("LATER10");
            assertThat(service.promotions()).extracting(PromotionView::active).containsExactly(false);
        }

        @Test
        void aWindowEndingBeforeItStartsIsRejected() {
            Problem problem = problemOf(() -> createPromotion(new PromotionBody("Bad", Promotion.Kind.PERCENT_OFF,
                    10, null, Promotion.Target.CATEGORY, "shoes", null, NOW.plusSeconds(3600), NOW.plusSeconds(60))));

            assertThat(problem.errors()).containsExactly(new FieldError("validUntil", "must be after validFrom"));
            assertThat(promotions.all()).isEmpty();
        }

        @Test
        void aWindowAlreadyOverIsRejected() {
            Problem problem = problemOf(() -> createPromotion(new PromotionBody("Late", Promotion.Kind.PERCENT_OFF,
                    10, null, Promotion.Target.CATEGORY, "shoes", null, NOW.minusSeconds(3600), NOW)));

            assertThat(problem.errors()).containsExactly(new FieldError("validUntil", "must be in the future"));
        }

        @Test
        void percentAndAmountAreNotMixed() {
            Problem problem = problemOf(() -> createPromotion(new PromotionBody("Mixed", Promotion.Kind.PERCENT_OFF,
                    0, eur(100), Promotion.Target.CATEGORY, "shoes", null, null, NOW.plusSeconds(60))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("percentOff", "amountOff");
        }

        @Test
        void anAmountOffNeedsAPositiveAmountInTheCatalogCurrency() {
            Problem problem = problemOf(() -> createPromotion(new PromotionBody("Dollars", Promotion.Kind.AMOUNT_OFF,
                    null, Money.of(0, "USD"), Promotion.Target.CATEGORY, "shoes", null, null, NOW.plusSeconds(60))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("amountOff.amount", "amountOff.currency");
        }

        @Test
        void everyMissingPartIsNamed() {
            Problem problem = problemOf(() -> createPromotion(
                    new PromotionBody(null, null, null, null, null, null, "x", null, null)));

            assertThat(problem.errors()).extracting(FieldError::field)
                    .containsExactly("name", "kind", "target", "code", "validUntil");
            assertThat(promotions.all()).isEmpty();
        }

        @Test
        void aSkuTargetMustLookLikeASku() {
            Problem problem = problemOf(() -> createPromotion(percentOff(Promotion.Target.SKU, "shoe 1", 10)));

            assertThat(problem.errors()).containsExactly(new FieldError("targetValue", "is not a SKU"));
        }

        @Test
        void aCategoryTargetMustLookLikeACategory() {
            Problem problem = problemOf(() -> createPromotion(percentOff(Promotion.Target.CATEGORY, "Shoes", 10)));

            assertThat(problem.errors()).containsExactly(new FieldError("targetValue", "is not a category"));
        }
    }

    @Nested
    class Locations {

        @Test
        void unknownFiltersAreRejectedTogether() {
            Problem problem = problemOf(() -> CatalogRequests.locations(Optional.of("shop"), Optional.of("yes")));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query type", "query pickup");
        }

        @Test
        void aMalformedLocationIdIsABadRequest() {
            locations.save(store("store-paris", true));

            assertThat(service.location(CatalogRequests.locationId("store-paris")).name()).isEqualTo("Store store-paris");
            assertThat(problemOf(() -> CatalogRequests.locationId("Store Nice")).status()).isEqualTo(400);
        }
    }
}
