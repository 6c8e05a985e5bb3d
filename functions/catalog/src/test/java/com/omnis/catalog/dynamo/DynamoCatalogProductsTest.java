package com.omnis.catalog.dynamo;

import static com.omnis.catalog.testing.CatalogFixtures.NOW;
import static com.omnis.catalog.testing.CatalogFixtures.eur;
import static com.omnis.catalog.testing.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.omnis.catalog.testing.CatalogTables;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalog's product adapter: its writes, and the shared reads it serves them back through. */
class DynamoCatalogProductsTest {

    private final CatalogTables tables = new CatalogTables();
    private final DynamoCatalogProducts repository = tables.products;

    @AfterEach
    void dropTables() {
        tables.close();
    }

    private void saveAll(List<Product> products) {
        products.forEach(repository::save);
    }

    private static Product numbered(String prefix, String category, int i) {
        return product("%s-%03d".formatted(prefix, i), category, 1000 + i);
    }

    /** Follows nextCursor to the end, returning every page. */
    private List<Page<Product>> walk(Optional<String> category, Optional<String> text, int limit) {
        return walk(repository, category, text, limit);
    }

    private static List<Page<Product>> walk(DynamoCatalogProducts repository, Optional<String> category,
                                            Optional<String> text, int limit) {
        List<Page<Product>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Product> page = repository.list(category, text, limit, cursor);
            pages.add(page);
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent() && pages.size() < 100);
        return pages;
    }

    private static List<String> skus(List<Page<Product>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(p -> p.sku().value()).toList();
    }

    @Test
    void aSavedProductComesBackWithEveryField() {
        Product withEverything = product("SHOE-1", "shoes", 12999);
        Product withoutOptionals = product("SOCK-1", "Plain socks", "socks", 499);
        repository.save(withEverything);
        repository.save(withoutOptionals);

        assertThat(repository.find(Sku.of("SHOE-1"))).contains(withEverything);
        assertThat(repository.find(Sku.of("SOCK-1"))).contains(withoutOptionals);
        assertThat(repository.find(Sku.of("NOPE-1"))).isEmpty();
    }

    @Test
    void savingAgainReplacesTheProduct() {
        repository.save(product("SHOE-1", "shoes", 12999));

        repository.save(product("SHOE-1", "shoes", 12999).withPrice(eur(9999), NOW));

        assertThat(repository.find(Sku.of("SHOE-1")).orElseThrow().price()).isEqualTo(eur(9999));
        assertThat(repository.list(Optional.empty(), Optional.empty(), 10, Optional.empty()).items()).hasSize(1);
    }

    @Test
    void theWholeCatalogIsWalkedPageByPageWithoutGapsOrRepeats() {
        saveAll(IntStream.range(0, 25).mapToObj(i -> numbered("ITEM", i % 2 == 0 ? "even" : "odd", i)).toList());

        List<Page<Product>> pages = walk(Optional.empty(), Optional.empty(), 7);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(7, 7, 7, 4);
        assertThat(skus(pages)).doesNotHaveDuplicates().hasSize(25);
        assertThat(pages.getLast().nextCursor()).isNull();
    }

    @Test
    void aLastPageThatIsExactlyFullHasNoNextCursor() {
        saveAll(IntStream.range(0, 10).mapToObj(i -> numbered("ITEM", "shoes", i)).toList());

        List<Page<Product>> pages = walk(Optional.empty(), Optional.empty(), 5);

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(5, 5);
        assertThat(pages.getLast().nextCursor()).isNull();
    }

    @Test
    void aCategoryIsListedFromItsIndexInSkuOrderAcrossPages() {
        saveAll(IntStream.range(0, 12).mapToObj(i -> numbered("ITEM", i % 3 == 0 ? "hats" : "shoes", i)).toList());

        List<Page<Product>> pages = walk(Optional.of("hats"), Optional.empty(), 3);

        assertThat(skus(pages)).containsExactly("ITEM-000", "ITEM-003", "ITEM-006", "ITEM-009");
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 1);
    }

    @Test
    void withdrawnProductsAreNotListed() {
        Product shoe = product("SHOE-1", "shoes", 1000);
        repository.save(new Product(shoe.sku(), shoe.name(), null, "shoes", null, shoe.price(), false, NOW));
        repository.save(product("SHOE-2", "shoes", 1000));

        assertThat(skus(walk(Optional.empty(), Optional.empty(), 10))).containsExactly("SHOE-2");
        assertThat(skus(walk(Optional.of("shoes"), Optional.empty(), 10))).containsExactly("SHOE-2");
        assertThat(repository.find(Sku.of("SHOE-1"))).get().extracting(Product::active).isEqualTo(false);
    }

    @Test
    void aTextQueryMatchesEveryWordCaseInsensitivelyEvenWhenMatchesAreSparse() {
        saveAll(IntStream.range(0, 60).mapToObj(i -> product("ITEM-%03d".formatted(i), "Plain article " + i, "misc", 100))
                .toList());
        saveAll(List.of(product("TRAIL-1", "Trail Runner GTX", "shoes", 100),
                product("TRAIL-2", "trail runner light", "shoes", 100),
                product("TRAIL-3", "Runner for the trail", "shoes", 100),
                product("ROAD-1", "Road runner", "shoes", 100)));

        List<Page<Product>> pages = walk(Optional.empty(), Optional.of("TRAIL runner"), 2);

        assertThat(skus(pages)).containsExactlyInAnyOrder("TRAIL-1", "TRAIL-2", "TRAIL-3");
        assertThat(pages.getLast().nextCursor()).isNull();
    }

    @Test
    void aTextQueryWithNoMatchStopsAtTheReadBudgetAndHandsBackACursor() {
        saveAll(IntStream.range(0, 60).mapToObj(i -> product("ITEM-%03d".formatted(i), "Plain article " + i, "misc", 100))
                .toList());
        DynamoCatalogProducts bounded = new DynamoCatalogProducts(tables.dynamo.enhancedClient(),
                tables.environment.get("PRODUCTS_TABLE"), 20);

        Page<Product> first = bounded.list(Optional.empty(), Optional.of("nothing-matches"), 10, Optional.empty());
        List<Page<Product>> pages = walk(bounded, Optional.empty(), Optional.of("nothing-matches"), 10);

        assertThat(first.items()).isEmpty();
        assertThat(first.nextCursor()).isNotNull();
        // 60 items, at most 20 read per request: at least 3 requests, and the walk ends
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3).allSatisfy(page -> assertThat(page.items()).isEmpty());
        assertThat(pages.getLast().nextCursor()).isNull();
    }

    @Test
    void sparseMatchesAreAllFoundAcrossBudgetBoundedPagesWithoutRepeats() {
        saveAll(IntStream.range(0, 60).mapToObj(i -> product("ITEM-%03d".formatted(i), "Plain article " + i, "misc", 100))
                .toList());
        saveAll(IntStream.range(0, 20).mapToObj(i -> product("SHOE-%03d".formatted(i), "Plain shoe " + i, "shoes", 100))
                .toList());
        saveAll(List.of(product("TRAIL-1", "Trail Runner GTX", "shoes", 100),
                product("TRAIL-2", "trail runner light", "shoes", 100),
                product("TRAIL-3", "Runner for the trail", "shoes", 100)));
        DynamoCatalogProducts bounded = new DynamoCatalogProducts(tables.dynamo.enhancedClient(),
                tables.environment.get("PRODUCTS_TABLE"), 7);

        List<Page<Product>> wholeCatalog = walk(bounded, Optional.empty(), Optional.of("trail runner"), 2);
        List<Page<Product>> oneCategory = walk(bounded, Optional.of("shoes"), Optional.of("trail runner"), 2);

        // 83 items at most 7 a request: at least 12 requests for the catalog, 4 for the 23 shoes
        assertThat(skus(wholeCatalog)).containsExactlyInAnyOrder("TRAIL-1", "TRAIL-2", "TRAIL-3");
        assertThat(wholeCatalog).hasSizeGreaterThanOrEqualTo(12);
        assertThat(skus(oneCategory)).containsExactly("TRAIL-1", "TRAIL-2", "TRAIL-3");
        assertThat(oneCategory).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aTextQueryAlsoSearchesTheBrandAndDescriptionWithinACategory() {
        repository.save(product("SHOE-1", "shoes", 100)); // description "A fine shoes article", brand "Omnis"
        repository.save(product("HAT-1", "hats", 100));

        assertThat(skus(walk(Optional.of("shoes"), Optional.of("omnis fine"), 10))).containsExactly("SHOE-1");
    }

    @Test
    void aCursorOfAnotherListingIsABadRequest() {
        saveAll(IntStream.range(0, 4).mapToObj(i -> numbered("ITEM", "shoes", i)).toList());
        String categoryCursor = repository.list(Optional.of("shoes"), Optional.empty(), 2, Optional.empty()).nextCursor();
        String catalogCursor = repository.list(Optional.empty(), Optional.empty(), 2, Optional.empty()).nextCursor();

        assertThat(badCursor(Optional.empty(), categoryCursor).errors()).extracting("field").containsExactly("query cursor");
        assertThat(badCursor(Optional.of("shoes"), catalogCursor).status()).isEqualTo(400);
        assertThat(badCursor(Optional.of("hats"), categoryCursor).status()).isEqualTo(400);
        assertThat(badCursor(Optional.empty(), "not-a-cursor").status()).isEqualTo(400);
    }

    private com.omnis.shared.http.Problem badCursor(Optional<String> category, String cursor) {
        DomainException thrown = catchThrowableOfType(DomainException.class,
                () -> repository.list(category, Optional.empty(), 2, Optional.of(cursor)));
        assertThat(thrown).isNotNull();
        return Router.problemOf(thrown);
    }

    @Test
    void manyProductsAreReadInBatchesAndMissingOnesAreLeftOut() {
        saveAll(IntStream.range(0, 150).mapToObj(i -> numbered("ITEM", "misc", i)).toList());
        List<Sku> wanted = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> Sku.of("ITEM-%03d".formatted(i))).toList());
        wanted.add(Sku.of("NOPE-1"));
        wanted.add(Sku.of("ITEM-007"));

        var found = repository.findAll(wanted);

        assertThat(found).hasSize(150).doesNotContainKey(Sku.of("NOPE-1"));
        assertThat(found.get(Sku.of("ITEM-149")).price()).isEqualTo(eur(1149));
    }
}
