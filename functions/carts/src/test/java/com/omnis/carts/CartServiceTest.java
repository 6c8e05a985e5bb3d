package com.omnis.carts;

import static com.omnis.carts.InMemoryCatalog.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartOwner;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.carts.service.CartRepository;
import com.omnis.carts.service.CartService;
import com.omnis.carts.service.CartView;
import com.omnis.carts.service.Mutation;
import com.omnis.carts.service.Shopper;
import com.omnis.local.testing.MutableClock;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.error.ContentionException;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.http.Problem;
import com.omnis.shared.http.Router;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CartServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    /** The one policy, without its pauses: a test never sleeps. */
    private static final Retry RETRY = new Retry(8, Duration.ofMillis(1), Duration.ofMillis(1), pause -> { },
            RandomGenerator.getDefault());

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .with(product("SHOE-RUN-42", "shoes", 8990))
            .with(product("SOCK-3PK", "socks", 1299))
            .with(product("CAP-RED", "hats", 1500))
            .withCode("SUMMER10", "SHOE-RUN-42", 10, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)))
            .withCode("OLDCODE", "SHOE-RUN-42", 50, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
    private final InMemoryCartRepository carts = new InMemoryCartRepository();
    private final CountingMetrics metrics = new CountingMetrics();
    private final ParsedCarts service = service(carts);

    private ParsedCarts service(CartRepository repository) {
        return new ParsedCarts(new CartService(repository, catalog, catalog, new PriceCalculator(), clock, RETRY, metrics,
                "EUR"));
    }

    private static Shopper customer(String sub) {
        return new Shopper(new Caller(sub, Set.of(Caller.CUSTOMER), Optional.empty()), Optional.empty());
    }

    /** The problem document the one mapper makes of the outcome {@code call} reports. */
    private static Problem problemOf(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("a domain outcome is thrown").isNotNull();
        return Router.problemOf(thrown);
    }

    private CartView guestCart() {
        return service.open(new Shopper(Caller.ANONYMOUS, Optional.empty()), Channel.MOBILE).cart();
    }

    private static Mutation on(CartView cart, Channel channel) {
        return Mutation.by(Shopper.guest(cart.token()), channel);
    }

    @Test
    void aGuestGetsANewCartWithAnUnguessableTokenThatIsStoredOnlyAsAHash() {
        // when
        CartService.Opened opened = service.open(new Shopper(Caller.ANONYMOUS, Optional.empty()), Channel.MOBILE);

        // then
        CartView cart = opened.cart();
        assertThat(opened.created()).isTrue();
        assertThat(cart.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(cart.version()).isEqualTo(1);
        assertThat(cart.status()).isEqualTo(CartStatus.ACTIVE);
        assertThat(cart.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(cart.channels()).containsExactly(new ChannelVisit(Channel.MOBILE, NOW, NOW));
        Cart stored = carts.find(new CartId(cart.id())).orElseThrow();
        assertThat(stored.owner()).isEqualTo(new CartOwner.Guest(CartToken.hash(cart.token())));
        assertThat(stored.owner().toString()).doesNotContain(cart.token());
    }

    @Test
    void aGuestCartIsHiddenFromWhoeverLacksItsToken() {
        // given
        CartView cart = guestCart();

        // when / then
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).id()).isEqualTo(cart.id());
        assertThat(problemOf(() -> service.get(cart.id(), Shopper.guest("not-the-token"))).status()).isEqualTo(404);
        assertThat(problemOf(() -> service.get(cart.id(), customer("customer-1"))).status()).isEqualTo(404);
        assertThat(problemOf(() -> service.get("not-a-cart-id", Shopper.guest(cart.token()))).status()).isEqualTo(404);
    }

    @Test
    void aGuestCartLeftAloneForThirtyDaysIsGone() {
        // given
        CartView cart = guestCart();
        clock.advance(Duration.ofDays(29));
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1);

        // when: 29 days after the last change it still lives, 30 days after it does not
        clock.advance(Duration.ofDays(29));
        CartView stillThere = service.get(cart.id(), Shopper.guest(cart.token()));
        clock.advance(Duration.ofDays(1));

        // then
        assertThat(stillThere.lines()).hasSize(1);
        assertThat(problemOf(() -> service.get(cart.id(), Shopper.guest(cart.token()))).status()).isEqualTo(404);
    }

    @Test
    void aCustomerHasOneActiveCartWhicheverDeviceOpensIt() {
        // when
        CartService.Opened first = service.open(customer("customer-1"), Channel.WEB);
        CartService.Opened second = service.open(customer("customer-1"), Channel.MOBILE);

        // then
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.cart().id()).isEqualTo(first.cart().id());
        assertThat(first.cart().customerId()).isEqualTo("customer-1");
        assertThat(first.cart().token()).isNull();
        assertThat(first.cart().expiresAt()).isNull();
        assertThat(service.myCart(customer("customer-1").caller()).id()).isEqualTo(first.cart().id());
        assertThat(carts.size()).isEqualTo(1);
    }

    @Test
    void aCustomerNeverReachesAnotherCustomersCart() {
        // given
        CartView mine = service.open(customer("customer-1"), Channel.WEB).cart();

        // when / then
        assertThat(problemOf(() -> service.get(mine.id(), customer("customer-2"))).status()).isEqualTo(404);
        assertThat(problemOf(() -> service.addItem(mine.id(), Mutation.by(customer("customer-2"), Channel.WEB),
                "SOCK-3PK", 1)).status()).isEqualTo(404);
        assertThat(service.get(mine.id(), customer("customer-1")).lines()).isEmpty();
    }

    @Test
    void onlyTheCustomerGroupOwnsCarts() {
        Shopper agent = new Shopper(new Caller("agent-7", Set.of(Caller.AGENT), Optional.empty()), Optional.empty());

        assertThat(problemOf(() -> service.open(agent, Channel.CALL_CENTER)).status()).isEqualTo(403);
        assertThat(problemOf(() -> service.myCart(Caller.ANONYMOUS)).status()).isEqualTo(401);
        assertThat(problemOf(() -> service.myCart(customer("customer-9").caller())).status()).isEqualTo(404);
        assertThat(carts.size()).isZero();
    }

    @Test
    void addingItemsPricesTheCartWithTheSharedCalculator() {
        // given
        CartView cart = guestCart();

        // when
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SHOE-RUN-42", 2);
        CartView after = service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 3);

        // then
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.lines()).extracting(CartView.Line::sku, CartView.Line::quantity, l -> l.lineTotal().amount())
                .containsExactly(tuple("SHOE-RUN-42", 2, 17980L),
                        tuple("SOCK-3PK", 3, 3897L));
        assertThat(after.lines().getFirst().name()).isEqualTo("Product SHOE-RUN-42");
        assertThat(after.totals().subtotal()).isEqualTo(Money.of(21877, "EUR"));
        assertThat(after.totals().total()).isEqualTo(Money.of(21877, "EUR"));
    }

    @Test
    void addingASkuAlreadyInTheCartAddsToItsQuantityUpToNinetyNine() {
        // given
        CartView cart = guestCart();
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 90);

        // when
        CartView after = service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 9);
        Problem tooMany = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1));

        // then
        assertThat(after.lines()).singleElement().extracting(CartView.Line::quantity).isEqualTo(99);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.type()).endsWith("/quantity-limit");
        assertThat(tooMany.detail()).contains("SOCK-3PK");
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).version()).isEqualTo(3);
    }

    @Test
    void quantitiesOutsideOneToNinetyNineAreRefusedAndChangeNothing() {
        CartView cart = guestCart();
        for (Integer quantity : new Integer[] {0, -1, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, null}) {
            Problem problem = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", quantity));
            assertThat(problem.status()).as("quantity %s", quantity).isEqualTo(400);
            assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("quantity"));
        }
        CartView after = service.get(cart.id(), Shopper.guest(cart.token()));
        assertThat(after.lines()).isEmpty();
        assertThat(after.version()).isEqualTo(1);
    }

    @Test
    void anUnknownSkuIsRefusedByName() {
        CartView cart = guestCart();

        Problem problem = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.MOBILE), "NOPE-1", 1));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("/unknown-sku");
        assertThat(problem.detail()).contains("NOPE-1");
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).version()).isEqualTo(1);
    }

    @Test
    void aProductNoLongerOnSaleCannotBeAdded() {
        CartView cart = guestCart();
        catalog.save(new Product(Sku.of("OLD-1"), "Old", null, "misc", null,
                Money.of(100, "EUR"), false, NOW));

        Problem problem = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.MOBILE), "OLD-1", 1));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("/product-unavailable");
        assertThat(problem.detail()).contains("OLD-1");
    }

    @Test
    void aCartHoldsAtMostOneHundredLines() {
        // given
        CartView cart = guestCart();
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            catalog.save(product("BULK-" + i, "bulk", 100));
            service.addItem(cart.id(), on(cart, Channel.WEB), "BULK-" + i, 1);
        }
        catalog.save(product("BULK-LAST", "bulk", 100));

        // when
        Problem problem = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.WEB), "BULK-LAST", 1));

        // then
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("/too-many-lines");
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).lines()).hasSize(Cart.MAX_LINES);
    }

    @Test
    void aLineCanBeChangedAndRemovedButOnlyIfItIsThere() {
        // given
        CartView cart = guestCart();
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1);

        // when
        CartView changed = service.changeQuantity(cart.id(), on(cart, Channel.WEB), "SOCK-3PK", 5);
        Problem missing = problemOf(() -> service.changeQuantity(cart.id(), on(cart, Channel.WEB), "CAP-RED", 5));
        CartView removed = service.removeItem(cart.id(), on(cart, Channel.WEB), "SOCK-3PK");
        Problem removedTwice = problemOf(() -> service.removeItem(cart.id(), on(cart, Channel.WEB), "SOCK-3PK"));

        // then
        assertThat(changed.lines()).singleElement().extracting(CartView.Line::quantity).isEqualTo(5);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(removed.lines()).isEmpty();
        assertThat(removed.version()).isEqualTo(4);
        assertThat(removedTwice.status()).isEqualTo(404);
    }

    @Test
    void everyChangeRecordsTheChannelAndWhen() {
        // given
        CartView cart = guestCart();

        // when
        clock.advance(Duration.ofMinutes(5));
        service.addItem(cart.id(), on(cart, Channel.WEB), "SOCK-3PK", 1);
        clock.advance(Duration.ofMinutes(5));
        CartView after = service.addItem(cart.id(), on(cart, Channel.MOBILE), "CAP-RED", 1);

        // then
        assertThat(after.channels()).containsExactly(
                new ChannelVisit(Channel.MOBILE, NOW, NOW.plus(Duration.ofMinutes(10))),
                new ChannelVisit(Channel.WEB, NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aLineTellsWhenItsPriceChangedSinceItWasAdded() {
        // given
        CartView cart = guestCart();
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 2);

        // when
        catalog.save(product("SOCK-3PK", "socks", 999));
        CartView after = service.get(cart.id(), Shopper.guest(cart.token()));

        // then
        assertThat(after.lines()).singleElement().satisfies(line -> {
            assertThat(line.priceChanged()).isTrue();
            assertThat(line.unitPrice()).isEqualTo(Money.of(999, "EUR"));
            assertThat(line.lineTotal()).isEqualTo(Money.of(1998, "EUR"));
        });
    }

    @Test
    void aPromoCodeDiscountsItsProductsAndCanBeRemoved() {
        // given
        CartView cart = guestCart();
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SHOE-RUN-42", 1);

        // when
        CartView discounted = service.addPromoCode(cart.id(), on(cart, Channel.MOBILE), " summer10 ");
        CartView again = service.addPromoCode(cart.id(), on(cart, Channel.MOBILE), "SUMMER10");
        CartView removed = service.removePromoCode(cart.id(), on(cart, Channel.MOBILE), "SUMMER10");

        // then
        assertThat(discounted.promoCodes()).containsExactly("SUMMER10");
        assertThat(discounted.totals().discount()).isEqualTo(Money.of(899, "EUR"));
        assertThat(discounted.totals().total()).isEqualTo(Money.of(8091, "EUR"));
        assertThat(discounted.lines().getFirst().promotions()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("SUMMER10"));
        assertThat(again.version()).as("adding a code twice changes nothing").isEqualTo(discounted.version());
        assertThat(removed.promoCodes()).isEmpty();
        assertThat(removed.totals().discount().isZero()).isTrue();
    }

    @Test
    void unknownExpiredAndMalformedPromoCodesAreRefused() {
        CartView cart = guestCart();

        Problem unknown = problemOf(() -> service.addPromoCode(cart.id(), on(cart, Channel.WEB), "NOSUCH"));
        Problem expired = problemOf(() -> service.addPromoCode(cart.id(), on(cart, Channel.WEB), "OLDCODE"));
        Problem malformed = problemOf(() -> service.addPromoCode(cart.id(), on(cart, Channel.WEB), "no spaces!"));
        Problem notOnCart = problemOf(() -> service.removePromoCode(cart.id(), on(cart, Channel.WEB), "SUMMER10"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.detail()).contains("NOSUCH");
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.detail()).contains("OLDCODE");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(notOnCart.status()).isEqualTo(404);
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).version()).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchGetsAConflictCarryingTheCurrentCart() {
        // given
        CartView cart = guestCart();
        CartView onPhone = service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1);

        // when: the web still shows version 1
        Problem problem = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.WEB).ifMatch(1), "CAP-RED", 1));
        CartView fresh = service.addItem(cart.id(), on(cart, Channel.WEB).ifMatch(onPhone.version()), "CAP-RED", 1);

        // then
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).endsWith("/version-conflict");
        assertThat(problem.current()).isInstanceOfSatisfying(CartView.class, current -> {
            assertThat(current.version()).isEqualTo(2);
            assertThat(current.lines()).extracting(CartView.Line::sku).containsExactly("SOCK-3PK");
        });
        assertThat(fresh.version()).isEqualTo(3);
    }

    @Test
    void aWriteRacingAnotherDeviceUnderIfMatchIsRefusedNotApplied() {
        // given: another device changes the cart between our read and our write
        CartView cart = guestCart();
        ParsedCarts racing = service(new RacingRepository(carts, () -> {
            Cart current = carts.find(new CartId(cart.id())).orElseThrow();
            carts.update(current.id(), new CartUpdate(new CartEdit.AddLine(new CartLine(Sku.of("CAP-RED"), Quantity.of(1),
                    Money.of(1500, "EUR"), NOW)), Channel.WEB, NOW, OptionalLong.empty(), Optional.empty()));
        }));

        // when
        Problem problem = problemOf(() -> racing.addItem(cart.id(), on(cart, Channel.MOBILE).ifMatch(1), "SOCK-3PK", 1));

        // then
        assertThat(problem.status()).isEqualTo(409);
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).lines())
                .extracting(CartView.Line::sku).containsExactly("CAP-RED");
    }

    @Test
    void twoDevicesAddingTheSameNewSkuAtOnceSumTheirQuantities() {
        // given: the other device adds the line after we read the cart without it
        CartView cart = guestCart();
        ParsedCarts racing = service(new RacingRepository(carts, () -> service.addItem(cart.id(),
                on(cart, Channel.WEB), "SOCK-3PK", 2)));

        // when
        CartView after = racing.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 3);

        // then
        assertThat(after.lines()).singleElement().extracting(CartView.Line::quantity).isEqualTo(5);
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void aClosedCartCannotChange() {
        // given
        CartView guest = guestCart();
        service.merge(Mutation.by(customer("customer-1"), Channel.WEB), guest.id(), guest.token());

        // when
        Problem problem = problemOf(() -> service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 1));

        // then
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).endsWith("/cart-closed");
        assertThat(service.get(guest.id(), Shopper.guest(guest.token())).status()).isEqualTo(CartStatus.MERGED);
    }

    @Test
    void mergingAtLoginSumsQuantitiesCarriesCodesUnitesChannelsAndClosesTheGuestCart() {
        // given: a guest on mobile, and the customer's own cart on the web
        CartView guest = guestCart();
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SHOE-RUN-42", 60);
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 1);
        service.addPromoCode(guest.id(), on(guest, Channel.MOBILE), "SUMMER10");
        CartView mine = service.open(customer("customer-1"), Channel.WEB).cart();
        Mutation onWeb = Mutation.by(customer("customer-1"), Channel.WEB);
        service.addItem(mine.id(), onWeb, "SHOE-RUN-42", 50);
        service.addItem(mine.id(), onWeb, "CAP-RED", 1);

        // when
        clock.advance(Duration.ofMinutes(1));
        CartView merged = service.merge(onWeb, guest.id(), guest.token());
        CartView retried = service.merge(onWeb, guest.id(), guest.token());

        // then
        assertThat(merged.id()).isEqualTo(mine.id());
        assertThat(merged.lines()).extracting(CartView.Line::sku, CartView.Line::quantity).containsExactlyInAnyOrder(
                tuple("SHOE-RUN-42", 99),
                tuple("CAP-RED", 1),
                tuple("SOCK-3PK", 1));
        assertThat(merged.promoCodes()).containsExactly("SUMMER10");
        assertThat(merged.totals().discount().amount()).isEqualTo(Math.round(8990 * 99 * 0.10));
        assertThat(merged.channels()).extracting(ChannelVisit::channel).containsExactlyInAnyOrder(Channel.MOBILE, Channel.WEB);
        assertThat(retried).isEqualTo(merged);
        Cart closed = carts.find(new CartId(guest.id())).orElseThrow();
        assertThat(closed.status()).isEqualTo(CartStatus.MERGED);
        assertThat(closed.mergedInto()).contains(new CartId(mine.id()));
        assertThat(service.myCart(customer("customer-1").caller())).isEqualTo(merged);
    }

    @Test
    void mergingWithoutACustomerCartOpensOneFirst() {
        CartView guest = guestCart();
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 2);

        CartView merged = service.merge(Mutation.by(customer("customer-3"), Channel.WEB), guest.id(), guest.token());

        assertThat(merged.id()).isNotEqualTo(guest.id());
        assertThat(merged.customerId()).isEqualTo("customer-3");
        assertThat(merged.lines()).singleElement().extracting(CartView.Line::quantity).isEqualTo(2);
    }

    @Test
    void mergeKeepsAtMostTheLineLimit() {
        // given
        CartView guest = guestCart();
        Mutation onWeb = Mutation.by(customer("customer-1"), Channel.WEB);
        CartView mine = service.open(customer("customer-1"), Channel.WEB).cart();
        int own = Cart.MAX_LINES - 10;
        for (int i = 0; i < own; i++) {
            catalog.save(product("MINE-" + i, "bulk", 100));
            service.addItem(mine.id(), onWeb, "MINE-" + i, 1);
        }
        for (int i = 0; i < 20; i++) {
            catalog.save(product("GUEST-" + i, "bulk", 100));
            service.addItem(guest.id(), on(guest, Channel.MOBILE), "GUEST-" + i, 1);
        }

        // when
        CartView merged = service.merge(onWeb, guest.id(), guest.token());

        // then
        assertThat(merged.lines()).hasSize(Cart.MAX_LINES);
        assertThat(merged.lines()).filteredOn(line -> line.sku().startsWith("MINE-")).hasSize(own);
    }

    @Test
    void mergeNeedsTheGuestTokenAndTheCustomerGroup() {
        CartView guest = guestCart();
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 2);
        Mutation onWeb = Mutation.by(customer("customer-1"), Channel.WEB);

        assertThat(problemOf(() -> service.merge(onWeb, guest.id(), "wrong")).status()).isEqualTo(404);
        assertThat(problemOf(() -> service.merge(onWeb, null, guest.token())).status()).isEqualTo(400);
        assertThat(problemOf(() -> service.merge(onWeb, guest.id(), null)).status()).isEqualTo(400);
        assertThat(problemOf(() -> service.merge(Mutation.by(Shopper.guest(guest.token()), Channel.WEB), guest.id(),
                guest.token())).status()).isEqualTo(401);
        assertThat(carts.find(new CartId(guest.id())).orElseThrow().status()).isEqualTo(CartStatus.ACTIVE);
    }

    @Test
    void aGuestCartMergedIntoOneCustomerCannotBeMergedByAnother() {
        CartView guest = guestCart();
        service.merge(Mutation.by(customer("customer-1"), Channel.WEB), guest.id(), guest.token());

        Problem problem = problemOf(() -> service.merge(Mutation.by(customer("customer-2"), Channel.WEB), guest.id(),
                guest.token()));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).endsWith("/cart-closed");
    }

    @Test
    void aCartThatKeepsChangingUnderAnEditIsContentionToRetryNotAConflictToReview() {
        // given: every write loses its race, as on a cart edited on many devices at once
        CartView cart = guestCart();
        ParsedCarts losing = service(new RacingRepository(carts, null) {
            @Override
            public Cart update(CartId id, CartUpdate update) {
                throw new StaleWriteException("another device changed the cart first");
            }
        });

        // when
        DomainException thrown = catchThrowableOfType(DomainException.class,
                () -> losing.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1));

        // then
        Problem problem = Router.problemOf(thrown);
        assertThat(thrown).isInstanceOfSatisfying(ContentionException.class,
                busy -> assertThat(busy.retryAfter()).isPositive());
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).endsWith("/contention");
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).version()).isEqualTo(1);
    }

    @Test
    void aCheckedOutCartCanNoLongerChangeNorBeMerged() {
        // given: the guest's cart became an order
        CartView cart = guestCart();
        service.addItem(cart.id(), on(cart, Channel.MOBILE), "SOCK-3PK", 1);
        carts.replace(carts.find(new CartId(cart.id())).orElseThrow().checkedOutAs("order-1", NOW));

        // when
        Problem edit = problemOf(() -> service.addItem(cart.id(), on(cart, Channel.MOBILE), "CAP-RED", 1));
        Problem merge = problemOf(() -> service.merge(Mutation.by(customer("customer-1"), Channel.WEB), cart.id(),
                cart.token()));

        // then
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.type()).endsWith("/cart-closed");
        assertThat(merge.status()).isEqualTo(409);
        assertThat(merge.type()).endsWith("/cart-closed");
        assertThat(service.get(cart.id(), Shopper.guest(cart.token())).status()).isEqualTo(CartStatus.CHECKED_OUT);
    }

    @Test
    void cartsOpenedAndUnitsAddedAreCountedOnceWritten() {
        // when
        CartView guest = guestCart();
        service.open(customer("customer-1"), Channel.WEB);
        service.open(customer("customer-1"), Channel.MOBILE);
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 2);
        service.addItem(guest.id(), on(guest, Channel.MOBILE), "SOCK-3PK", 3);
        problemOf(() -> service.addItem(guest.id(), on(guest, Channel.MOBILE), "NOPE-1", 4));

        // then: two carts created (the second open found the first), five units written
        assertThat(metrics.of(CartService.CARTS_OPENED)).isEqualTo(2);
        assertThat(metrics.of(CartService.ITEMS_ADDED)).isEqualTo(5);
    }

    /** Runs {@code interference} (another device's write) once, just before the first update it forwards. */
    private static class RacingRepository implements CartRepository {
        private final CartRepository delegate;
        private Runnable interference;

        RacingRepository(CartRepository delegate, Runnable interference) {
            this.delegate = delegate;
            this.interference = interference;
        }

        @Override
        public Optional<Cart> find(CartId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Cart> findCustomerCart(CustomerId customerId) {
            return delegate.findCustomerCart(customerId);
        }

        @Override
        public void insertGuestCart(Cart cart) {
            delegate.insertGuestCart(cart);
        }

        @Override
        public boolean insertCustomerCart(Cart cart, Optional<CartId> replacing) {
            return delegate.insertCustomerCart(cart, replacing);
        }

        @Override
        public Cart update(CartId id, CartUpdate update) {
            if (interference != null) {
                Runnable once = interference;
                interference = null;
                once.run();
            }
            return delegate.update(id, update);
        }

        @Override
        public void saveMerge(Cart target, long targetVersionRead, Cart closedGuest, long guestVersionRead) {
            delegate.saveMerge(target, targetVersionRead, closedGuest, guestVersionRead);
        }
    }
}
