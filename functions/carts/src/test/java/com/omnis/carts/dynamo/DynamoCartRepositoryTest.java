package com.omnis.carts.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.error.ContentionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoCartRepositoryTest {

    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00.123Z");

    private final EmbeddedDynamo dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
    private final DynamoCartRepository repository = new DynamoCartRepository(dynamo.client(),
            dynamo.tableNames().get("CartsTable"));

    @AfterEach
    void dropTables() {
        dynamo.close();
    }

    private static CartUpdate update(CartEdit edit, Channel channel, Instant at) {
        return new CartUpdate(edit, channel, at, OptionalLong.empty(), Optional.empty());
    }

    private static CartLine line(String sku, int quantity) {
        return new CartLine(Sku.of(sku), Quantity.of(quantity), Money.of(1299, "EUR"), NOW);
    }

    @Test
    void aCartReadsBackAsItWasWrittenAndEveryEditMatchesTheDomain() {
        // given
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        repository.insertGuestCart(cart);
        Cart expected = cart;

        // when
        for (CartUpdate update : new CartUpdate[] {
                update(new CartEdit.AddLine(line("SOCK-3PK", 2)), Channel.WEB, NOW.plusSeconds(1)),
                update(new CartEdit.AddLine(line("CAP-RED", 1)), Channel.MOBILE, NOW.plusSeconds(2)),
                update(new CartEdit.IncreaseQuantity(Sku.of("SOCK-3PK"), Quantity.of(3)), Channel.STORE, NOW.plusSeconds(3)),
                update(new CartEdit.SetQuantity(Sku.of("CAP-RED"), Quantity.of(7)), Channel.WEB, NOW.plusSeconds(4)),
                update(new CartEdit.AddPromoCode(PromoCode.of("SUMMER10")), Channel.WEB, NOW.plusSeconds(5)),
                update(new CartEdit.RemoveLine(Sku.of("SOCK-3PK")), Channel.KIOSK, NOW.plusSeconds(6)),
                update(new CartEdit.RemovePromoCode(PromoCode.of("SUMMER10")), Channel.KIOSK, NOW.plusSeconds(7)),
        }) {
            expected = expected.apply(update);
            assertThat(repository.update(cart.id(), update)).isEqualTo(expected);
        }

        // then
        assertThat(repository.find(cart.id())).contains(expected);
        assertThat(expected.version()).isEqualTo(8);
    }

    @Test
    void anEditWhosePreconditionNoLongerHoldsChangesNothing() {
        // given
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        repository.insertGuestCart(cart);
        repository.update(cart.id(), update(new CartEdit.AddLine(line("SOCK-3PK", 98)), Channel.WEB, NOW));
        Cart before = repository.find(cart.id()).orElseThrow();

        // when / then
        assertThatThrownBy(() -> repository.update(cart.id(),
                update(new CartEdit.AddLine(line("SOCK-3PK", 1)), Channel.WEB, NOW))).isInstanceOf(StaleWriteException.class);
        assertThatThrownBy(() -> repository.update(cart.id(),
                update(new CartEdit.IncreaseQuantity(Sku.of("SOCK-3PK"), Quantity.of(2)), Channel.WEB, NOW))).isInstanceOf(StaleWriteException.class);
        assertThatThrownBy(() -> repository.update(cart.id(),
                update(new CartEdit.RemoveLine(Sku.of("CAP-RED")), Channel.WEB, NOW))).isInstanceOf(StaleWriteException.class);
        assertThatThrownBy(() -> repository.update(cart.id(), new CartUpdate(new CartEdit.SetQuantity(Sku.of("SOCK-3PK"), Quantity.of(1)),
                Channel.WEB, NOW, OptionalLong.of(1), Optional.empty()))).isInstanceOf(StaleWriteException.class);
        assertThat(repository.find(cart.id())).contains(before);
    }

    @Test
    void aCustomersActiveCartIsCreatedOnceAndReplacedOnlyWhenNamed() {
        // given
        Cart first = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.WEB, NOW);
        Cart rival = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.MOBILE, NOW);
        Cart next = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.MOBILE, NOW);

        // when
        boolean firstWon = repository.insertCustomerCart(first, Optional.empty());
        boolean rivalWon = repository.insertCustomerCart(rival, Optional.empty());
        boolean nextWon = repository.insertCustomerCart(next, Optional.of(first.id()));

        // then
        assertThat(firstWon).isTrue();
        assertThat(rivalWon).isFalse();
        assertThat(repository.find(rival.id())).isEmpty();
        assertThat(nextWon).isTrue();
        assertThat(repository.findCustomerCart(CUSTOMER)).contains(next);
        assertThat(repository.find(new CartId("00000000-0000-4000-8000-000000000000"))).isEmpty();
    }

    @Test
    void aMergeWritesBothCartsOrNeither() {
        // given
        Cart guest = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        Cart mine = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.WEB, NOW);
        repository.insertGuestCart(guest);
        repository.insertCustomerCart(mine, Optional.empty());
        Cart guestWithLine = repository.update(guest.id(), update(new CartEdit.AddLine(line("SOCK-3PK", 2)), Channel.MOBILE, NOW));
        Cart merged = mine.mergedFrom(guestWithLine, Channel.WEB, NOW);
        Cart closed = guestWithLine.closedByMergeInto(mine.id(), Channel.WEB, NOW);

        // when: a stale guest version is refused whole
        assertThatThrownBy(() -> repository.saveMerge(merged, mine.version(), closed, guest.version()))
                .isInstanceOf(StaleWriteException.class);
        assertThat(repository.find(mine.id())).contains(mine);
        repository.saveMerge(merged, mine.version(), closed, guestWithLine.version());

        // then
        assertThat(repository.find(mine.id())).contains(merged);
        assertThat(repository.find(guest.id())).contains(closed);
        assertThatThrownBy(() -> repository.saveMerge(merged, merged.version(), closed, closed.version()))
                .as("a closed guest cart cannot be merged twice").isInstanceOf(StaleWriteException.class);
    }

    @Test
    void aThrottledTransactionIsLeftToTheRetryPolicyNotTakenForAnotherDevice() {
        // given: DynamoDB cancels every transaction because one of its items is throttled
        DynamoDbClient throttled = new DynamoDbClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }

            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                throw TransactionCanceledException.builder().message("throttled")
                        .cancellationReasons(CancellationReason.builder().code("ThrottlingError").build(),
                                CancellationReason.builder().code("None").build())
                        .build();
            }
        };
        DynamoCartRepository busy = new DynamoCartRepository(throttled, "CartsTable");
        Cart mine = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.WEB, NOW);
        Cart guest = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, NOW);
        Retry retry = new Retry(3, Duration.ofMillis(1), Duration.ofMillis(1), pause -> { }, RandomGenerator.getDefault());

        // when / then: neither "another device won" nor "the cart changed", and in the end contention
        assertThatThrownBy(() -> busy.insertCustomerCart(mine, Optional.empty()))
                .isInstanceOf(TransactionCanceledException.class);
        assertThatThrownBy(() -> busy.saveMerge(mine, 1, guest, 1)).isInstanceOf(TransactionCanceledException.class);
        assertThatThrownBy(() -> retry.run(() -> busy.saveMerge(mine, 1, guest, 1))).isInstanceOf(ContentionException.class);
    }
}
