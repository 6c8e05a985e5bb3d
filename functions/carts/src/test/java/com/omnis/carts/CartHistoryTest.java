package com.omnis.carts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.cart.CartHistory;
import com.omnis.shared.cart.DynamoCartHistory;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code shared.cart.CartHistory}, the customers context's window on carts, read from carts written by this
 * function's own repository: the active cart as the agent sees it, every cart for the export, and nothing
 * of another customer or a guest.
 */
class CartHistoryTest {

    private static final CustomerId CUSTOMER = CustomerId.of("customer-360");
    private static final CustomerId OTHER = CustomerId.of("someone-else");
    private static final Instant T0 = Instant.parse("2026-05-02T09:00:00Z");

    private final EmbeddedDynamo dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
    private final String table = dynamo.tableNames().get("CartsTable");
    private final DynamoCartRepository carts = new DynamoCartRepository(dynamo.client(), table);
    private final CartHistory history = new DynamoCartHistory(dynamo.client(), table);

    @AfterEach
    void dropTables() {
        dynamo.close();
    }

    @Test
    void theActiveCartShowsWhereItStartedEveryChannelItsLinesAndWhenItLastChanged() {
        // given a cart opened on mobile, filled on the web, then in the store
        Cart cart = Cart.newCustomer(CartId.random(), CUSTOMER, "EUR", Channel.MOBILE, T0);
        carts.insertCustomerCart(cart, Optional.empty());
        add(cart.id(), "SOCK-3PK", 2, 1299, Channel.WEB, T0.plusSeconds(10));
        add(cart.id(), "CAP-RED", 1, 1500, Channel.STORE, T0.plusSeconds(20));
        activeCartOf(OTHER, T0);

        // when
        Optional<CartHistory.ActiveCart> active = history.active(CUSTOMER);

        // then
        assertThat(active).isPresent();
        CartHistory.ActiveCart shown = active.get();
        assertThat(shown.cartId()).isEqualTo(cart.id().value());
        assertThat(shown.status()).isEqualTo("ACTIVE");
        assertThat(shown.currency()).isEqualTo("EUR");
        assertThat(shown.startedOn()).isEqualTo("mobile");
        assertThat(shown.channels()).containsExactly("mobile", "web", "store");
        assertThat(shown.lines()).containsExactly(
                new CartHistory.Line("SOCK-3PK", 2, Money.of(1299, "EUR"), T0.plusSeconds(10)),
                new CartHistory.Line("CAP-RED", 1, Money.of(1500, "EUR"), T0.plusSeconds(20)));
        assertThat(shown.updatedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(shown.expiresAt()).as("a customer's cart does not expire").isNull();
    }

    @Test
    void aCustomerWithoutAnOpenCartHasNoActiveCart() {
        // never opened one
        assertThat(history.active(CUSTOMER)).isEmpty();

        // checked out the one they had (the checkout clears the pointer)
        Cart cart = activeCartOf(CUSTOMER, T0);
        new Transaction(dynamo.client()).write(List.of(carts.checkOut(cart.id(), cart.version(), Optional.of(CUSTOMER),
                "order-1", T0.plusSeconds(30))));
        assertThat(history.active(CUSTOMER)).isEmpty();
    }

    @Test
    void allListsEveryCartOfTheCustomerOldestFirstAndNoGuestsOrOtherCustomers() {
        // given a checked-out cart, the cart opened after it, another customer's and a guest's
        Cart first = activeCartOf(CUSTOMER, T0);
        new Transaction(dynamo.client()).write(List.of(carts.checkOut(first.id(), first.version(), Optional.of(CUSTOMER),
                "order-1", T0.plusSeconds(30))));
        Cart second = activeCartOf(CUSTOMER, T0.plusSeconds(60));
        activeCartOf(OTHER, T0);
        carts.insertGuestCart(Cart.newGuest(CartId.random(), CartToken.hash("guest"), "EUR", Channel.KIOSK, T0));

        // when
        List<JsonNode> all = history.all(CUSTOMER);

        // then
        assertThat(all).extracting(cart -> cart.path("cartId").asText())
                .containsExactly(first.id().value(), second.id().value());
        assertThat(all.get(0).path("status").asText()).isEqualTo("CHECKED_OUT");
        assertThat(all.get(0).path("orderId").asText()).isEqualTo("order-1");
        assertThat(all.get(1).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(all.get(1).path("lines").path("SOCK-3PK").path("quantity").asInt()).isEqualTo(2);
        assertThat(all).allSatisfy(cart -> assertThat(cart.path("customerId").asText()).isEqualTo(CUSTOMER.value()));
        assertThat(history.all(CustomerId.of("nobody"))).isEmpty();
    }

    @Test
    void aCartWithAttributesTheReaderDoesNotKnowStillReads() {
        // given a cart a newer deploy wrote: a top-level attribute and a line field this reader does not know
        Cart cart = activeCartOf(CUSTOMER, T0);
        dynamo.client().updateItem(b -> b.tableName(table).key(Map.of("cartId", AttributeValue.fromS(cart.id().value())))
                .updateExpression("SET #future = :future, #lines.#sku.#note = :note")
                .expressionAttributeNames(Map.of("#future", "giftWrap", "#lines", "lines", "#sku", "SOCK-3PK",
                        "#note", "engraving"))
                .expressionAttributeValues(Map.of(":future", AttributeValue.fromBool(true),
                        ":note", AttributeValue.fromS("for Sam"))));

        // then
        assertThat(history.active(CUSTOMER)).get().extracting(CartHistory.ActiveCart::lines).asList()
                .containsExactly(new CartHistory.Line("SOCK-3PK", 2, Money.of(1299, "EUR"), T0.plusSeconds(1)));
        assertThat(history.all(CUSTOMER)).singleElement()
                .satisfies(stored -> assertThat(stored.path("giftWrap").asBoolean()).isTrue());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Cart activeCartOf(CustomerId customer, Instant at) {
        Cart cart = Cart.newCustomer(CartId.random(), customer, "EUR", Channel.MOBILE, at);
        assertThat(carts.insertCustomerCart(cart, carts.findCustomerCart(customer).map(Cart::id))).isTrue();
        return add(cart.id(), "SOCK-3PK", 2, 1299, Channel.WEB, at.plusSeconds(1));
    }

    private Cart add(CartId id, String sku, int quantity, long cents, Channel channel, Instant at) {
        return carts.update(id, new CartUpdate(new CartEdit.AddLine(new CartLine(Sku.of(sku), Quantity.of(quantity),
                Money.of(cents, "EUR"), at)), channel, at, OptionalLong.empty(), Optional.empty()));
    }
}
