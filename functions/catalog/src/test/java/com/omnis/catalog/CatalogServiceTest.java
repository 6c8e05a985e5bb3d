package com.omnis.catalog;

import static com.omnis.catalog.CatalogFixtures.NOW;
import static com.omnis.catalog.CatalogFixtures.codedPercentOffSku;
import static com.omnis.catalog.CatalogFixtures.eur;
import static com.omnis.catalog.CatalogFixtures.percentOffCategory;
import static com.omnis.catalog.CatalogFixtures.product;
import static com.omnis.catalog.CatalogFixtures.store;
import static com.omnis.catalog.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.Problem;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.inventory.SkuAvailability;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    /** A stock port that answers 7 units on the store channel and 3 elsewhere, naming the postal code it got. */
    private static final CatalogService.StockAvailability STOCK = (sku, channel, postalCode) -> new SkuAvailability(
            sku, channel, channel == Channel.STORE ? 7 : 3, List.of(),
            postalCode.map(code -> List.of(new SkuAvailability.Option(SkuAvailability.OptionType.SAME_DAY, code, 1)))
                    .orElse(List.of()));

    private final InMemoryProductRepository products = new InMemoryProductRepository();
    private final InMemoryPromotionRepository promotions = new InMemoryPromotionRepository();
    private final InMemoryLocationRepository locations = new InMemoryLocationRepository();
    private final CatalogService service = new CatalogService(products, promotions, locations, STOCK, new PriceCalculator(),
            Clock.fixed(NOW, ZoneOffset.UTC), "EUR");

    private static Problem problemOf(ThrowingCallable call) {
        ProblemException thrown = catchThrowableOfType(ProblemException.class, call);
        assertThat(thrown).as("a problem is thrown").isNotNull();
        return thrown.problem();
    }

    private static ProductRequest shoeRequest(Money price) {
        return new ProductRequest(null, "Trail runner", "Grippy sole", "shoes", "Omnis", price, null);
    }

    private static PromotionRequest percentOff(Promotion.Target target, String value, int percent) {
        return new PromotionRequest("Summer", Promotion.Kind.PERCENT_OFF, percent, null, target, value, null,
                null, NOW.plusSeconds(86_400));
    }

    @Nested
    class ShowingProducts {

        @Test
        void aProductShowsItsListPriceAndTheEffectivePriceAfterTheBestAutomaticPromotion() {
            // given
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("cat-20", 20, "shoes"));
            promotions.save(codedPercentOffSku("code-50", 50, "SHOE-1", "HALF"));

            // when
            ProductView view = service.product("SHOE-1", Channel.WEB, Optional.empty());

            // then
            assertThat(view.price()).isEqualTo(eur(10000));
            assertThat(view.effectivePrice()).isEqualTo(eur(8000));
            assertThat(view.promotion().promotionId()).isEqualTo("cat-20");
            assertThat(view.promotion().discount()).isEqualTo(eur(2000));
        }

        @Test
        void withoutAPromotionTheEffectivePriceIsTheListPrice() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("hats", 20, "hats"));

            ProductView view = service.product("SHOE-1", Channel.WEB, Optional.empty());

            assertThat(view.effectivePrice()).isEqualTo(eur(10000));
            assertThat(view.promotion()).isNull();
        }

        @Test
        void anExpiredPromotionNoLongerLowersThePrice() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(new Promotion("old", "Old sale", Promotion.Kind.PERCENT_OFF, 30, null,
                    Promotion.Target.SKU, "SHOE-1", null, NOW.minusSeconds(7200), NOW));

            assertThat(service.product("SHOE-1", Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(10000));
        }

        @Test
        void aListedPageShowsEffectivePricesAndTheCursorOfTheNextPage() {
            products.save(product("SHOE-1", "shoes", 10000));
            products.save(product("SHOE-2", "shoes", 5000));
            products.save(product("SOCK-1", "socks", 500));
            promotions.save(percentOffCategory("cat-10", 10, "shoes"));

            Page<ProductView> page = service.listProducts(Optional.of("shoes"), Optional.empty(), 1, Optional.empty());

            assertThat(page.items()).extracting(ProductView::sku, ProductView::effectivePrice)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SHOE-1", eur(9000)));
            assertThat(service.listProducts(Optional.of("shoes"), Optional.empty(), 1, Optional.of(page.nextCursor()))
                    .items()).extracting(ProductView::sku).containsExactly("SHOE-2");
        }

        @Test
        void anUnknownProductIsNotFound() {
            Problem problem = problemOf(() -> service.product("NOPE-1", Channel.WEB, Optional.empty()));

            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.detail()).isEqualTo("no product NOPE-1");
        }

        @Test
        void aWithdrawnProductIsNotFoundEither() {
            Product shoe = product("SHOE-1", "shoes", 10000);
            products.save(new Product(shoe.sku(), shoe.name(), null, shoe.category(), null, shoe.price(), false, NOW));

            assertThat(problemOf(() -> service.product("SHOE-1", Channel.WEB, Optional.empty())).status()).isEqualTo(404);
        }

        @Test
        void aProductCarriesItsChannelsAvailabilityWhileThePriceStaysTheSameForEveryChannel() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("cat-20", 20, "shoes"));

            List<ProductView> views = java.util.Arrays.stream(Channel.values())
                    .map(channel -> service.product("SHOE-1", channel, Optional.empty())).toList();

            assertThat(views).extracting(v -> v.availability().channel()).containsExactly(Channel.values());
            assertThat(views).extracting(v -> v.availability().available()).containsExactly(3L, 3L, 7L, 3L, 3L);
            assertThat(views).extracting(ProductView::price).containsOnly(eur(10000));
            assertThat(views).extracting(ProductView::effectivePrice).containsOnly(eur(8000));
        }

        @Test
        void thePostalCodeReachesTheStockPortAndAMalformedOneIsABadRequest() {
            products.save(product("SHOE-1", "shoes", 10000));

            ProductView view = service.product("SHOE-1", Channel.WEB, Optional.of("75002"));
            Problem problem = problemOf(() -> service.product("SHOE-1", Channel.WEB, Optional.of("75002; DROP")));

            assertThat(view.availability().options()).extracting(SkuAvailability.Option::locationId)
                    .containsExactly("75002");
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query postalCode");
        }

        @Test
        void listedProductsCarryNoAvailability() {
            products.save(product("SHOE-1", "shoes", 10000));

            Page<ProductView> page = service.listProducts(Optional.empty(), Optional.empty(), 10, Optional.empty());

            assertThat(page.items()).extracting(ProductView::availability).containsExactly((SkuAvailability) null);
        }

        @Test
        void aMalformedSkuIsABadRequestNamingThePathParameter() {
            Problem problem = problemOf(() -> service.product("shoe 1", Channel.WEB, Optional.empty()));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("path sku");
        }

        @Test
        void badListingQueriesAreRejectedTogether() {
            Problem problem = problemOf(() -> service.listProducts(Optional.of("Shoes!"),
                    Optional.of("a b c d e f"), 20, Optional.empty()));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query category", "query q");
        }

        @Test
        void aTooLongTextQueryIsRejected() {
            Problem problem = problemOf(() -> service.listProducts(Optional.empty(), Optional.of("x".repeat(101)), 20,
                    Optional.empty()));

            assertThat(problem.errors()).containsExactly(new FieldError("query q", "is at most 100 characters"));
        }
    }

    @Nested
    class PuttingProducts {

        @Test
        void aNewProductIsCreatedAndReportedAsCreated() {
            CatalogService.Saved saved = service.putProduct("SHOE-9", shoeRequest(eur(8999)));

            assertThat(saved.created()).isTrue();
            assertThat(saved.product().effectivePrice()).isEqualTo(eur(8999));
            assertThat(products.find(Sku.of("SHOE-9"))).get()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("Trail runner"))
                    .satisfies(p -> assertThat(p.active()).isTrue())
                    .satisfies(p -> assertThat(p.updatedAt()).isEqualTo(NOW));
        }

        @Test
        void anExistingProductIsReplacedWhole() {
            products.save(product("SHOE-9", "shoes", 5000));

            CatalogService.Saved saved = service.putProduct("SHOE-9",
                    new ProductRequest("SHOE-9", "Renamed", null, "outdoor", null, eur(6000), false));

            assertThat(saved.created()).isFalse();
            assertThat(products.find(Sku.of("SHOE-9"))).get()
                    .satisfies(p -> assertThat(p.category()).isEqualTo("outdoor"))
                    .satisfies(p -> assertThat(p.description()).isNull())
                    .satisfies(p -> assertThat(p.active()).isFalse());
        }

        @Test
        void aBodySkuOtherThanThePathIsRejectedAndNothingIsSaved() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9",
                    new ProductRequest("SHOE-8", "Trail runner", null, "shoes", null, eur(100), null)));

            assertThat(problem.errors()).containsExactly(new FieldError("sku", "must be the SKU of the path, SHOE-9"));
            assertThat(products.saves).isZero();
        }

        @Test
        void everyMissingFieldIsNamedInOneProblem() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9",
                    new ProductRequest(null, " ", null, null, null, null, null)));

            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).endsWith("/invalid-input");
            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("name", "category", "price");
            assertThat(products.saves).isZero();
        }

        @Test
        void aNegativePriceIsRejected() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9", shoeRequest(eur(-1))));

            assertThat(problem.errors()).containsExactly(new FieldError("price.amount", "must be at least 0"));
            assertThat(products.saves).isZero();
        }

        @Test
        void aPriceInAnotherCurrencyThanTheCatalogsIsRejected() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9", shoeRequest(Money.of(100, "USD"))));

            assertThat(problem.errors()).containsExactly(
                    new FieldError("price.currency", "must be EUR, the catalog's currency"));
        }

        @Test
        void anAbsurdlyHighPriceIsRejected() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9", shoeRequest(eur(CatalogService.MAX_PRICE + 1))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("price.amount");
        }

        @Test
        void aCategoryMustBeLowerCaseKebab() {
            Problem problem = problemOf(() -> service.putProduct("SHOE-9",
                    new ProductRequest(null, "Trail runner", null, "Running Shoes", null, eur(100), null)));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("category");
        }

        @Test
        void aMalformedPathSkuIsRejectedBeforeTheBodyIsLookedAt() {
            Problem problem = problemOf(() -> service.putProduct("shoe-9", shoeRequest(eur(100))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("path sku");
            assertThat(products.saves).isZero();
        }
    }

    @Nested
    class ChangingPrices {

        @Test
        void aNewPriceIsStoredAndShownWithTheRunningPromotion() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("cat-10", 10, "shoes"));

            ProductView view = service.changePrice("SHOE-1", new PriceChange(eur(12000)));

            assertThat(view.price()).isEqualTo(eur(12000));
            assertThat(view.effectivePrice()).isEqualTo(eur(10800));
            assertThat(products.find(Sku.of("SHOE-1"))).get()
                    .satisfies(p -> assertThat(p.price()).isEqualTo(eur(12000)))
                    .satisfies(p -> assertThat(p.updatedAt()).isEqualTo(NOW));
        }

        @Test
        void repricingAnUnknownProductIsNotFoundAndCreatesNothing() {
            Problem problem = problemOf(() -> service.changePrice("NOPE-1", new PriceChange(eur(100))));

            assertThat(problem.status()).isEqualTo(404);
            assertThat(products.find(Sku.of("NOPE-1"))).isEmpty();
        }

        @Test
        void aMissingOrNegativePriceLeavesThePriceUnchanged() {
            products.save(product("SHOE-1", "shoes", 10000));

            assertThat(problemOf(() -> service.changePrice("SHOE-1", new PriceChange(null))).errors())
                    .containsExactly(new FieldError("price", "is required"));
            assertThat(problemOf(() -> service.changePrice("SHOE-1", new PriceChange(eur(-5)))).errors())
                    .extracting(FieldError::field).containsExactly("price.amount");
            assertThat(products.find(Sku.of("SHOE-1")).orElseThrow().price()).isEqualTo(eur(10000));
        }
    }

    @Nested
    class CreatingPromotions {

        @Test
        void aCategoryPromotionGetsAnIdStartsNowAndLowersThePricesAtOnce() {
            products.save(product("SHOE-1", "shoes", 10000));

            PromotionView created = service.createPromotion(percentOff(Promotion.Target.CATEGORY, "shoes", 25));

            assertThat(created.promotion().promotionId()).matches("promo-[0-9a-f-]{36}");
            assertThat(created.promotion().validFrom()).isEqualTo(NOW);
            assertThat(created.active()).isTrue();
            assertThat(service.promotions()).containsExactly(created);
            assertThat(service.product("SHOE-1", Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(7500));
        }

        @Test
        void aPromotionStartingLaterIsListedAsNotActive() {
            PromotionView created = service.createPromotion(new PromotionRequest("Later", Promotion.Kind.AMOUNT_OFF,
                    null, eur(500), Promotion.Target.CATEGORY, "shoes", " later10 ", NOW.plusSeconds(60),
                    NOW.plusSeconds(3600)));

            assertThat(created.active()).isFalse();
            assertThat(created.promotion().code()).isEqualTo("LATER10");
            assertThat(service.promotions()).extracting(PromotionView::active).containsExactly(false);
        }

        @Test
        void aPromotionOnAnUnknownSkuIsUnprocessableAndNotSaved() {
            Problem problem = problemOf(() -> service.createPromotion(percentOff(Promotion.Target.SKU, "NOPE-1", 10)));

            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.type()).endsWith("/unknown-sku");
            assertThat(problem.detail()).contains("NOPE-1");
            assertThat(promotions.all()).isEmpty();
        }

        @Test
        void aWindowEndingBeforeItStartsIsRejected() {
            Problem problem = problemOf(() -> service.createPromotion(new PromotionRequest("Bad", Promotion.Kind.PERCENT_OFF,
                    10, null, Promotion.Target.CATEGORY, "shoes", null, NOW.plusSeconds(3600), NOW.plusSeconds(60))));

            assertThat(problem.errors()).containsExactly(new FieldError("validUntil", "must be after validFrom"));
            assertThat(promotions.all()).isEmpty();
        }

        @Test
        void aWindowAlreadyOverIsRejected() {
            Problem problem = problemOf(() -> service.createPromotion(new PromotionRequest("Late", Promotion.Kind.PERCENT_OFF,
                    10, null, Promotion.Target.CATEGORY, "shoes", null, NOW.minusSeconds(3600), NOW)));

            assertThat(problem.errors()).containsExactly(new FieldError("validUntil", "must be in the future"));
        }

        @Test
        void percentAndAmountAreNotMixed() {
            Problem problem = problemOf(() -> service.createPromotion(new PromotionRequest("Mixed", Promotion.Kind.PERCENT_OFF,
                    0, eur(100), Promotion.Target.CATEGORY, "shoes", null, null, NOW.plusSeconds(60))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("percentOff", "amountOff");
        }

        @Test
        void anAmountOffNeedsAPositiveAmountInTheCatalogCurrency() {
            Problem problem = problemOf(() -> service.createPromotion(new PromotionRequest("Dollars", Promotion.Kind.AMOUNT_OFF,
                    null, Money.of(0, "USD"), Promotion.Target.CATEGORY, "shoes", null, null, NOW.plusSeconds(60))));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("amountOff.amount", "amountOff.currency");
        }

        @Test
        void everyMissingPartIsNamed() {
            Problem problem = problemOf(() -> service.createPromotion(
                    new PromotionRequest(null, null, null, null, null, null, "x", null, null)));

            assertThat(problem.errors()).extracting(FieldError::field)
                    .containsExactly("name", "kind", "target", "code", "validUntil");
            assertThat(promotions.all()).isEmpty();
        }

        @Test
        void aSkuTargetMustLookLikeASku() {
            Problem problem = problemOf(() -> service.createPromotion(percentOff(Promotion.Target.SKU, "shoe 1", 10)));

            assertThat(problem.errors()).containsExactly(new FieldError("targetValue", "is not a SKU"));
        }
    }

    @Nested
    class Locations {

        @Test
        void locationsAreFilteredByTypeAndPickup() {
            locations.save(store("store-paris", true));
            locations.save(store("store-lyon", false));
            locations.save(warehouse("wh-central"));

            assertThat(service.locations(Optional.empty(), Optional.empty())).hasSize(3);
            assertThat(service.locations(Optional.of("store"), Optional.empty()))
                    .extracting(Location::locationId).containsExactly("store-lyon", "store-paris");
            assertThat(service.locations(Optional.of("warehouse"), Optional.empty()))
                    .extracting(Location::locationId).containsExactly("wh-central");
            assertThat(service.locations(Optional.empty(), Optional.of("true")))
                    .extracting(Location::locationId).containsExactly("store-paris");
        }

        @Test
        void unknownFiltersAreRejectedTogether() {
            Problem problem = problemOf(() -> service.locations(Optional.of("shop"), Optional.of("yes")));

            assertThat(problem.errors()).extracting(FieldError::field).containsExactly("query type", "query pickup");
        }

        @Test
        void anUnknownLocationIsNotFoundAndAMalformedIdIsABadRequest() {
            locations.save(store("store-paris", true));

            assertThat(service.location("store-paris").name()).isEqualTo("Store store-paris");
            assertThat(problemOf(() -> service.location("store-nice")).status()).isEqualTo(404);
            assertThat(problemOf(() -> service.location("Store Nice")).status()).isEqualTo(400);
        }
    }

    @Test
    void theClockDecidesWhichPromotionsRun() {
        products.save(product("SHOE-1", "shoes", 10000));
        promotions.save(percentOffCategory("cat-10", 10, "shoes"));
        Instant afterTheSale = NOW.plusSeconds(2 * 86_400);
        CatalogService later = new CatalogService(products, promotions, locations, STOCK, new PriceCalculator(),
                Clock.fixed(afterTheSale, ZoneOffset.UTC), "EUR");

        assertThat(later.product("SHOE-1", Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(10000));
        assertThat(later.promotions()).extracting(PromotionView::active).containsExactly(false);
    }
}
