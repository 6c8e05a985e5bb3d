package com.omnis.carts;

import static com.omnis.carts.CartsFixture.CAP;
import static com.omnis.carts.CartsFixture.SHOES;
import static com.omnis.carts.CartsFixture.SOCKS;
import static com.omnis.carts.CartsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.carts.CartsFixture.GuestCart;
import com.omnis.carts.checkout.CartCheckout;
import com.omnis.carts.checkout.CheckoutCart;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartStatus;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.identity.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The package the carts publish for the checkout, on DynamoDB Local with the tables of template.yaml:
 * the caller's cart read by the carts' own access rule, and the close that joins the order's transaction.
 */
class CartCheckoutTest {

    private static final Instant CLOSED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Caller CUSTOMER = new Caller("customer-1", Set.of(Caller.CUSTOMER), Optional.empty());

    private final CartsFixture fixture = new CartsFixture();
    private final CartCheckout checkout = CartCheckout.onDynamo(fixture.dynamo.client(), fixture.cartsTable,
            Clock.fixed(CLOSED_AT, ZoneOffset.UTC));
    private final Transaction transaction = new Transaction(fixture.dynamo.client());

    @AfterEach
    void dropTables() {
        fixture.close();
    }

    private String customerCartWith(String sku, int quantity) {
        String id = json(fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")))).get("id").asText();
        APIGatewayV2HTTPResponse added = fixture.call(SampleEvent.of("carts-add-item").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-1"))
                .body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}"));
        assertThat(added.getStatusCode()).isEqualTo(200);
        return id;
    }

    private APIGatewayV2HTTPResponse addToCustomerCart(String id, String sku) {
        return fixture.call(SampleEvent.of("carts-add-item").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-1"))
                .body("{\"sku\":\"" + sku + "\",\"quantity\":1}"));
    }

    /** A part of another context whose condition never holds: it refuses the whole transaction. */
    private TransactionPart refusingPart() {
        return TransactionPart.of(List.of(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                        .tableName(fixture.cartsTable)
                        .key(Map.of("cartId", AttributeValue.fromS("no-such-item")))
                        .conditionExpression("attribute_exists(cartId)")
                        .build()).build()),
                reasons -> new ConflictException("out-of-stock", "Out of stock", "not enough stock", null));
    }

    @Test
    void theCheckoutReadsTheCustomersCartAsAnImmutableSnapshot() {
        // given
        String id = customerCartWith(SHOES, 2);
        fixture.call(SampleEvent.of("carts-apply-promo-code").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-1")));

        // when
        CheckoutCart cart = checkout.cartFor(id, CUSTOMER, Optional.empty());

        // then
        assertThat(cart.cartId()).isEqualTo(id);
        assertThat(cart.customerId()).contains(CustomerId.of("customer-1"));
        assertThat(cart.isGuestCart()).isFalse();
        assertThat(cart.version()).isEqualTo(3);
        assertThat(cart.currency()).isEqualTo("EUR");
        assertThat(cart.lines()).containsExactly(new CheckoutCart.Line(Sku.of(SHOES), Quantity.of(2)));
        assertThat(cart.promoCodes()).containsExactly(PromoCode.of("SUMMER10"));
        assertThat(cart.channels()).containsExactlyInAnyOrder(Channel.WEB, Channel.MOBILE);
        assertThat(cart.status()).isEqualTo(CheckoutCart.Status.ACTIVE);
        assertThat(cart.orderId()).isEmpty();
    }

    @Test
    void theCheckoutReachesACartOnlyAsTheCartsDo() {
        // given
        String mine = customerCartWith(SOCKS, 1);
        GuestCart guest = fixture.guestCartWith(CAP, 1);
        Caller stranger = new Caller("customer-2", Set.of(Caller.CUSTOMER), Optional.empty());

        // when / then
        assertThat(checkout.cartFor(guest.id(), Caller.ANONYMOUS, Optional.of(guest.token())).isGuestCart()).isTrue();
        assertThatThrownBy(() -> checkout.cartFor(guest.id(), Caller.ANONYMOUS, Optional.of("wrong")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.cartFor(mine, stranger, Optional.empty())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.cartFor(mine, Caller.ANONYMOUS, Optional.of(guest.token())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.cartFor("customer#customer-1", CUSTOMER, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.cartFor(CartId.random().value(), CUSTOMER, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void closingChecksTheCartOutForTheOrderAndClearsTheCustomersActiveCart() {
        // given
        String id = customerCartWith(SHOES, 1);
        CheckoutCart read = checkout.activeCartFor(id, CUSTOMER, Optional.empty());
        Cart before = fixture.stored(id);

        // when
        transaction.write(List.of(checkout.close(read, "ord-1")));

        // then: the cart is the order's, and the customer has no active cart until they open the next one
        Cart after = fixture.stored(id);
        assertThat(after).isEqualTo(before.checkedOutAs("ord-1", CLOSED_AT));
        assertThat(after.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(after.checkedOut()).contains(new Cart.CheckedOut("ord-1", CLOSED_AT));
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1"))).isEmpty();
        assertThat(checkout.cartFor(id, CUSTOMER, Optional.empty()).orderId()).contains("ord-1");
        assertThat(fixture.call(SampleEvent.of("carts-get-my-cart").claimsOf("customer-1")).getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPResponse next = fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")));
        assertThat(next.getStatusCode()).isEqualTo(201);
        assertThat(json(next).get("id").asText()).isNotEqualTo(id);
    }

    @Test
    void aCheckedOutCartCanNoLongerBeEdited() {
        // given
        GuestCart guest = fixture.guestCartWith(SHOES, 1);
        transaction.write(List.of(checkout.close(
                checkout.activeCartFor(guest.id(), Caller.ANONYMOUS, Optional.of(guest.token())), "ord-2")));
        Cart closed = fixture.stored(guest.id());

        // when
        APIGatewayV2HTTPResponse edit = fixture.call(SampleEvent.of("carts-add-item").cart(guest.id(), guest.token())
                .body("{\"sku\":\"" + SOCKS + "\",\"quantity\":1}"));

        // then
        assertThat(edit.getStatusCode()).isEqualTo(409);
        assertThat(json(edit).get("type").asText()).isEqualTo("https://omnis.dev/problems/cart-closed");
        assertThat(fixture.stored(guest.id())).isEqualTo(closed);
    }

    @Test
    void aCartThatMovedOnSinceItWasPricedIsRefusedAsChangedAndStaysAsItIs() {
        // given: the phone adds a cap after the checkout read the cart
        String id = customerCartWith(SHOES, 1);
        CheckoutCart read = checkout.cartFor(id, CUSTOMER, Optional.empty());
        assertThat(addToCustomerCart(id, CAP).getStatusCode()).isEqualTo(200);
        Cart moved = fixture.stored(id);

        // when
        ConflictException refused = catchThrowableOfType(ConflictException.class,
                () -> transaction.write(List.of(checkout.close(read, "ord-3"))));

        // then
        assertThat(refused.code()).isEqualTo("cart-changed");
        assertThat(refused.detail()).contains("version " + moved.version());
        assertThat(fixture.stored(id)).isEqualTo(moved);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1"))).contains(moved);
    }

    @Test
    void aCartAlreadyCheckedOutIsRefusedAsClosedWhateverVersionWasRead() {
        // given
        String id = customerCartWith(SHOES, 1);
        CheckoutCart read = checkout.cartFor(id, CUSTOMER, Optional.empty());
        transaction.write(List.of(checkout.close(read, "ord-4")));
        Cart closed = fixture.stored(id);

        // when
        ConflictException again = catchThrowableOfType(ConflictException.class,
                () -> transaction.write(List.of(checkout.close(read, "ord-5"))));
        ConflictException reread = catchThrowableOfType(ConflictException.class,
                () -> transaction.write(List.of(checkout.close(checkout.cartFor(id, CUSTOMER, Optional.empty()), "ord-5"))));

        // then
        assertThat(again.code()).isEqualTo("cart-closed");
        assertThat(reread.code()).isEqualTo("cart-closed");
        assertThat(fixture.stored(id)).isEqualTo(closed);
        assertThatThrownBy(() -> checkout.activeCartFor(id, CUSTOMER, Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("cart-closed"));
    }

    @Test
    void whenAnotherPartRefusesTheCartStaysOpenAndThatPartsOutcomeIsReported() {
        // given
        String id = customerCartWith(SHOES, 1);
        CheckoutCart read = checkout.cartFor(id, CUSTOMER, Optional.empty());
        Cart before = fixture.stored(id);

        // when
        ConflictException refused = catchThrowableOfType(ConflictException.class,
                () -> transaction.write(List.of(checkout.close(read, "ord-6"), refusingPart())));

        // then
        assertThat(refused.code()).isEqualTo("out-of-stock");
        assertThat(fixture.stored(id)).isEqualTo(before);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1"))).contains(before);
        assertThat(checkout.close(read, "ord-6").actions()).as("the cart and the customer's pointer").hasSize(2);
    }
}
