package com.omnis.customers;

import static com.omnis.customers.testing.CustomersFixture.CAP;
import static com.omnis.customers.testing.CustomersFixture.SHOE;
import static com.omnis.customers.testing.CustomersFixture.TEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.events.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /me/saved-items}: what the customer saw when saving, kept; the events notifications reacts to. */
class SavedItemsTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final CustomerId CAMILLE_ID = CustomerId.of("customer-42");

    private final CustomersFixture f = new CustomersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aSavedItemKeepsTheProductPagesPriceAndTheChannelsAvailability() {
        // when the tee (19.99, 10 % off on the product page) is saved on the web, then at the till
        Http.Response web = f.save(CAMILLE, "web", TEE.value());
        Http.Response till = f.save(As.customer("customer-43"), "store", TEE.value());

        // then
        assertThat(web.status()).isEqualTo(201);
        assertThat(web.headers()).containsEntry("Location", "/me/saved-items/TEE-BLUE-M");
        assertThat(web.body().at("/priceWhenSaved/amount").asLong()).isEqualTo(1799);
        assertThat(web.body().at("/priceWhenSaved/currency").asText()).isEqualTo("EUR");
        // the web: delivery from the warehouse (7) and click & collect at the store (3); the till: the store's 3
        assertThat(web.body().get("availableWhenSaved").asLong()).isEqualTo(7 + 3);
        assertThat(web.body().get("touchpoint").asText()).isEqualTo("web");
        assertThat(till.body().get("availableWhenSaved").asLong()).isEqualTo(3);
        SavedItem stored = f.directory.savedItem(CAMILLE_ID, TEE).orElseThrow();
        assertThat(stored.priceWhenSaved()).isEqualTo(Money.of(1799, "EUR"));
        assertThat(stored.savedAt()).isEqualTo(CustomersFixture.NOW);
    }

    @Test
    void savingPublishesItemSavedOnceAndSavingAgainKeepsTheFirstSighting() {
        // given
        f.save(CAMILLE, "web", SHOE.value());

        // when
        Http.Response again = f.save(CAMILLE, "mobile", SHOE.value());

        // then
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("touchpoint").asText()).isEqualTo("web");
        assertThat(again.body().get("availableWhenSaved").asLong()).isZero();
        List<DomainEvent> events = f.outboxEvents();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(CustomerEvents.ITEM_SAVED);
            assertThat(event.subject()).isEqualTo("customer/customer-42/saved/SHOE-RUN-42");
            CustomerEvents.ItemSaved saved = event.dataAs(CustomerEvents.ItemSaved.class);
            assertThat(saved.customerId()).isEqualTo(CAMILLE_ID);
            assertThat(saved.sku()).isEqualTo(SHOE);
            assertThat(saved.priceWhenSaved()).isEqualTo(Money.of(12999, "EUR"));
            assertThat(saved.availableWhenSaved()).isZero();
        });
    }

    @Test
    void removingPublishesItemUnsavedAndRemovingAgainChangesNothing() {
        // given
        f.save(CAMILLE, "web", TEE.value());

        // when
        Http.Response removed = f.unsave(CAMILLE, "mobile", TEE.value());
        Http.Response again = f.unsave(CAMILLE, "mobile", TEE.value());

        // then
        assertThat(removed.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(f.directory.savedItem(CAMILLE_ID, TEE)).isEmpty();
        assertThat(f.outboxEvents()).extracting(DomainEvent::type)
                .containsExactlyInAnyOrder(CustomerEvents.ITEM_SAVED, CustomerEvents.ITEM_UNSAVED);
        CustomerEvents.ItemUnsaved unsaved = f.outboxEvents().stream()
                .filter(e -> e.type().equals(CustomerEvents.ITEM_UNSAVED)).findFirst().orElseThrow()
                .dataAs(CustomerEvents.ItemUnsaved.class);
        assertThat(unsaved.touchpoint().code()).isEqualTo("mobile");
        assertThat(unsaved.sku()).isEqualTo(TEE);
    }

    @Test
    void theListShowsEverySavedItem() {
        f.save(CAMILLE, "web", TEE.value());
        f.save(CAMILLE, "web", SHOE.value());

        Http.Response list = f.savedItems(CAMILLE);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").findValuesAsText("sku")).containsExactly("SHOE-RUN-42", "TEE-BLUE-M");
    }

    @Test
    void whoSavedASkuIsReadFromTheIndexPageByPage() {
        // given five customers saved the tee, one saved the shoe
        for (int i = 1; i <= 5; i++) {
            f.save(As.customer("customer-" + i), "web", TEE.value());
        }
        f.save(As.customer("customer-9"), "web", SHOE.value());

        // when
        List<String> savers = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<SavedItem> page = f.directory.savers(TEE, 2, cursor);
            page.items().forEach(s -> savers.add(s.customerId().value()));
            cursor = Optional.ofNullable(page.nextCursor());
            pages++;
        } while (cursor.isPresent());

        // then
        assertThat(savers).containsExactly("customer-1", "customer-2", "customer-3", "customer-4", "customer-5");
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void aProductNotOnSaleCannotBeSavedAndABadSkuIsA400() {
        Http.Response withdrawn = f.save(CAMILLE, "web", CAP.value());
        Http.Response unknown = f.save(CAMILLE, "web", "NOPE-1");
        Http.Response malformed = f.save(CAMILLE, "web", "not a sku");

        assertThat(withdrawn.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/errors/0/field").asText()).isEqualTo("path sku");
        assertThat(f.unsave(CAMILLE, "web", "not a sku").status()).isEqualTo(400);
        assertThat(f.outboxEvents()).isEmpty();
        assertThat(f.itemsOf("customer-42")).containsExactly("PROFILE");
    }

    @Test
    void onlyTheCustomerReachesTheirSavedItemsAndAChangeNeedsItsTouchpoint() {
        assertThat(f.savedItems(As.ANONYMOUS).status()).isEqualTo(401);
        assertThat(f.save(As.ANONYMOUS, "web", TEE.value()).status()).isEqualTo(401);
        assertThat(f.save(As.ops(), "web", TEE.value()).status()).isEqualTo(403);
        assertThat(f.unsave(As.agent("agent-7"), "web", TEE.value()).status()).isEqualTo(403);
        assertThat(f.savedItems(As.staff("store-lyon")).status()).isEqualTo(403);
        Http.Response noChannel = f.http.send(Http.request("PUT", "/me/saved-items/{sku}", "/me/saved-items/TEE-BLUE-M")
                .path("sku", TEE.value()).as(CAMILLE));
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(f.outboxEvents()).isEmpty();
        assertThat(f.customerItems()).isEmpty();
    }
}
