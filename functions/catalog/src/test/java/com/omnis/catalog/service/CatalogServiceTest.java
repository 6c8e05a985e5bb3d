package com.omnis.catalog.service;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static com.omnis.catalog.testing.CatalogFixtures.codedPercentOffSku;
import static com.omnis.catalog.testing.CatalogFixtures.eur;
import static com.omnis.catalog.testing.CatalogFixtures.percentOffCategory;
import static com.omnis.catalog.testing.CatalogFixtures.product;
import static com.omnis.catalog.testing.CatalogFixtures.store;
import static com.omnis.catalog.testing.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.omnis.catalog.domain.LocationFilter;
import com.omnis.catalog.domain.NewPromotion;
import com.omnis.catalog.domain.ProductDetails;
import com.omnis.catalog.domain.ProductSearch;
import com.omnis.catalog.testing.InMemoryCatalogProducts;
import com.omnis.catalog.testing.InMemoryCatalogPromotions;
import com.omnis.catalog.testing.InMemoryLocations;
import com.omnis.shared.catalog.Category;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.http.Problem;
import com.omnis.shared.http.Router;
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

/** The catalog's decisions on values the edge has parsed (its field errors are {@code CatalogRequestsTest}'s). */
class CatalogServiceTest {

    /** A stock port that answers 7 units on the store channel and 3 elsewhere, naming the postal code it got. */
    private static final StockAvailability STOCK = (sku, channel, postalCode) -> new SkuAvailability(
            sku, channel, channel == Channel.STORE ? 7 : 3, List.of(),
            postalCode.map(code -> List.of(new SkuAvailability.Option(SkuAvailability.OptionType.SAME_DAY, code, 1)))
                    .orElse(List.of()));
    private static final Sku SHOE_1 = Sku.of("SHOE-1");

    private final InMemoryCatalogProducts products = new InMemoryCatalogProducts();
    private final InMemoryCatalogPromotions promotions = new InMemoryCatalogPromotions();
    private final InMemoryLocations locations = new InMemoryLocations();
    private final CatalogService service = new CatalogService(products, promotions, locations, STOCK, new PriceCalculator(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The problem the one mapper makes of the domain error {@code call} throws. */
    private static Problem problemOf(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("a domain error is thrown").isNotNull();
        return Router.problemOf(thrown);
    }

    private static ProductSearch search(Optional<String> category, int limit, Optional<String> cursor) {
        return new ProductSearch(category.map(Category::of), Optional.empty(), limit, cursor);
    }

    private static NewPromotion percentOff(Promotion.Target target, String value, int percent) {
        return new NewPromotion("Summer", Promotion.Kind.PERCENT_OFF, percent, null, target, value, Optional.empty(),
                NOW, NOW.plusSeconds(86_400));
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
            ProductView view = service.product(SHOE_1, Channel.WEB, Optional.empty());

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

            ProductView view = service.product(SHOE_1, Channel.WEB, Optional.empty());

            assertThat(view.effectivePrice()).isEqualTo(eur(10000));
            assertThat(view.promotion()).isNull();
        }

        @Test
        void anExpiredPromotionNoLongerLowersThePrice() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(new Promotion("old", "Old sale", Promotion.Kind.PERCENT_OFF, 30, null,
                    Promotion.Target.SKU, "SHOE-1", null, NOW.minusSeconds(7200), NOW));

            assertThat(service.product(SHOE_1, Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(10000));
        }

        @Test
        void aListedPageShowsEffectivePricesAndTheCursorOfTheNextPage() {
            products.save(product("SHOE-1", "shoes", 10000));
            products.save(product("SHOE-2", "shoes", 5000));
            products.save(product("SOCK-1", "socks", 500));
            promotions.save(percentOffCategory("cat-10", 10, "shoes"));

            Page<ProductView> page = service.listProducts(search(Optional.of("shoes"), 1, Optional.empty()));

            assertThat(page.items()).extracting(ProductView::sku, ProductView::effectivePrice)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SHOE-1", eur(9000)));
            assertThat(service.listProducts(search(Optional.of("shoes"), 1, Optional.of(page.nextCursor())))
                    .items()).extracting(ProductView::sku).containsExactly("SHOE-2");
        }

        @Test
        void anUnknownProductIsNotFound() {
            Problem problem = problemOf(() -> service.product(Sku.of("NOPE-1"), Channel.WEB, Optional.empty()));

            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.detail()).isEqualTo("no product NOPE-1");
        }

        @Test
        void aWithdrawnProductIsNotFoundEither() {
            Product shoe = product("SHOE-1", "shoes", 10000);
            products.save(new Product(shoe.sku(), shoe.name(), null, shoe.category(), null, shoe.price(), false, NOW));

            assertThat(problemOf(() -> service.product(SHOE_1, Channel.WEB, Optional.empty())).status()).isEqualTo(404);
        }

        @Test
        void aProductCarriesItsChannelsAvailabilityWhileThePriceStaysTheSameForEveryChannel() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("cat-20", 20, "shoes"));

            List<ProductView> views = java.util.Arrays.stream(Channel.values())
                    .map(channel -> service.product(SHOE_1, channel, Optional.empty())).toList();

            assertThat(views).extracting(v -> v.availability().channel()).containsExactly(Channel.values());
            assertThat(views).extracting(v -> v.availability().available()).containsExactly(3L, 3L, 7L, 3L, 3L);
            assertThat(views).extracting(ProductView::price).containsOnly(eur(10000));
            assertThat(views).extracting(ProductView::effectivePrice).containsOnly(eur(8000));
        }

        @Test
        void thePostalCodeReachesTheStockPort() {
            products.save(product("SHOE-1", "shoes", 10000));

            ProductView view = service.product(SHOE_1, Channel.WEB, Optional.of("75002"));

            assertThat(view.availability().options()).extracting(SkuAvailability.Option::locationId)
                    .containsExactly("75002");
        }

        @Test
        void listedProductsCarryNoAvailability() {
            products.save(product("SHOE-1", "shoes", 10000));

            Page<ProductView> page = service.listProducts(search(Optional.empty(), 10, Optional.empty()));

            assertThat(page.items()).extracting(ProductView::availability).containsExactly((SkuAvailability) null);
        }
    }

    @Nested
    class PuttingProducts {

        private final Sku shoe9 = Sku.of("SHOE-9");

        @Test
        void aNewProductIsCreatedAndReportedAsCreated() {
            CatalogService.Saved saved = service.putProduct(shoe9, new ProductDetails("Trail runner", "Grippy sole",
                    Category.of("shoes"), "Omnis", eur(8999), true));

            assertThat(saved.created()).isTrue();
            assertThat(saved.product().effectivePrice()).isEqualTo(eur(8999));
            assertThat(products.find(shoe9)).get()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("Trail runner"))
                    .satisfies(p -> assertThat(p.active()).isTrue())
                    .satisfies(p -> assertThat(p.updatedAt()).isEqualTo(NOW));
        }

        @Test
        void anExistingProductIsReplacedWhole() {
            products.save(product("SHOE-9", "shoes", 5000));

            CatalogService.Saved saved = service.putProduct(shoe9,
                    new ProductDetails("Renamed", null, Category.of("outdoor"), null, eur(6000), false));

            assertThat(saved.created()).isFalse();
            assertThat(products.find(shoe9)).get()
                    .satisfies(p -> assertThat(p.category()).isEqualTo("outdoor"))
                    .satisfies(p -> assertThat(p.description()).isNull())
                    .satisfies(p -> assertThat(p.active()).isFalse());
        }
    }

    @Nested
    class ChangingPrices {

        @Test
        void aNewPriceIsStoredAndShownWithTheRunningPromotion() {
            products.save(product("SHOE-1", "shoes", 10000));
            promotions.save(percentOffCategory("cat-10", 10, "shoes"));

            ProductView view = service.changePrice(SHOE_1, eur(12000));

            assertThat(view.price()).isEqualTo(eur(12000));
            assertThat(view.effectivePrice()).isEqualTo(eur(10800));
            assertThat(products.find(SHOE_1)).get()
                    .satisfies(p -> assertThat(p.price()).isEqualTo(eur(12000)))
                    .satisfies(p -> assertThat(p.updatedAt()).isEqualTo(NOW));
        }

        @Test
        void repricingAnUnknownProductIsNotFoundAndCreatesNothing() {
            Problem problem = problemOf(() -> service.changePrice(Sku.of("NOPE-1"), eur(100)));

            assertThat(problem.status()).isEqualTo(404);
            assertThat(products.find(Sku.of("NOPE-1"))).isEmpty();
        }
    }

    @Nested
    class CreatingPromotions {

        @Test
        void aCategoryPromotionGetsAnIdAndLowersThePricesAtOnce() {
            products.save(product("SHOE-1", "shoes", 10000));

            PromotionView created = service.createPromotion(percentOff(Promotion.Target.CATEGORY, "shoes", 25));

            assertThat(created.promotion().promotionId()).matches("promo-[0-9a-f-]{36}");
            assertThat(created.active()).isTrue();
            assertThat(service.promotions()).containsExactly(created);
            assertThat(service.product(SHOE_1, Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(7500));
        }

        @Test
        void aPromotionOnAnUnknownSkuIsUnprocessableAndNotSaved() {
            Problem problem = problemOf(() -> service.createPromotion(percentOff(Promotion.Target.SKU, "NOPE-1", 10)));

            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.type()).endsWith("/unknown-sku");
            assertThat(problem.detail()).contains("NOPE-1");
            assertThat(promotions.all()).isEmpty();
        }
    }

    @Nested
    class Locations {

        @Test
        void locationsAreFilteredByTypeAndPickup() {
            locations.save(store("store-paris", true));
            locations.save(store("store-lyon", false));
            locations.save(warehouse("wh-central"));

            assertThat(service.locations(LocationFilter.ALL)).hasSize(3);
            assertThat(service.locations(new LocationFilter(Optional.of(Location.LocationType.STORE), Optional.empty())))
                    .extracting(Location::locationId).containsExactly("store-lyon", "store-paris");
            assertThat(service.locations(new LocationFilter(Optional.of(Location.LocationType.WAREHOUSE), Optional.empty())))
                    .extracting(Location::locationId).containsExactly("wh-central");
            assertThat(service.locations(new LocationFilter(Optional.empty(), Optional.of(true))))
                    .extracting(Location::locationId).containsExactly("store-paris");
        }

        @Test
        void anUnknownLocationIsNotFound() {
            locations.save(store("store-paris", true));

            assertThat(service.location(LocationId.of("store-paris")).name()).isEqualTo("Store store-paris");
            assertThat(problemOf(() -> service.location(LocationId.of("store-nice"))).status()).isEqualTo(404);
        }
    }

    @Test
    void theClockDecidesWhichPromotionsRun() {
        products.save(product("SHOE-1", "shoes", 10000));
        promotions.save(percentOffCategory("cat-10", 10, "shoes"));
        Instant afterTheSale = NOW.plusSeconds(2 * 86_400);
        CatalogService later = new CatalogService(products, promotions, locations, STOCK, new PriceCalculator(),
                Clock.fixed(afterTheSale, ZoneOffset.UTC));

        assertThat(later.product(SHOE_1, Channel.WEB, Optional.empty()).effectivePrice()).isEqualTo(eur(10000));
        assertThat(later.promotions()).extracting(PromotionView::active).containsExactly(false);
    }
}
