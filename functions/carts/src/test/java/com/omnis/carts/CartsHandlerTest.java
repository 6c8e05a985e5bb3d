package com.omnis.carts;

import static com.omnis.carts.CartsFixture.CAP;
import static com.omnis.carts.CartsFixture.SHOES;
import static com.omnis.carts.CartsFixture.SOCKS;
import static com.omnis.carts.CartsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.carts.CartsFixture.GuestCart;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartOwner;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The carts function on DynamoDB Local, fed with the sample events of {@code events/api/}. */
class CartsHandlerTest {

    private final CartsFixture fixture = new CartsFixture();

    @AfterEach
    void dropTables() {
        fixture.close();
    }

    private static List<String> skus(JsonNode cart) {
        return cart.get("lines").findValuesAsText("sku");
    }

    @Test
    void aGuestOnMobileOpensACartAndGetsItsTokenOnce() {
        // when
        APIGatewayV2HTTPResponse response = fixture.call(SampleEvent.of("carts-create-guest"));

        // then
        JsonNode body = json(response);
        String id = body.get("id").asText();
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/carts/" + id).containsEntry("ETag", "\"1\"");
        assertThat(body.get("token").asText()).hasSize(43);
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("channels").get(0).get("channel").asText()).isEqualTo("mobile");
        assertThat(body.has("customerId")).isFalse();
        assertThat(Instant.parse(body.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofDays(29)));
        Cart stored = fixture.stored(id);
        assertThat(stored.owner()).isEqualTo(new CartOwner.Guest(CartToken.hash(body.get("token").asText())));

        JsonNode again = json(fixture.call(SampleEvent.of("carts-get").cart(id, body.get("token").asText())));
        assertThat(again.has("token")).as("the token is never shown again").isFalse();
    }

    @Test
    void addingAnItemAnswersThePricedCartWithItsNewVersion() {
        // given
        GuestCart cart = fixture.newGuestCart();

        // when
        APIGatewayV2HTTPResponse response = fixture.call(SampleEvent.of("carts-add-item").cart(cart.id(), cart.token()));

        // then
        JsonNode body = json(response);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"").containsEntry("Content-Type", "application/json");
        JsonNode line = body.get("lines").get(0);
        assertThat(line.get("sku").asText()).isEqualTo(SHOES);
        assertThat(line.get("name").asText()).isEqualTo("Trail running shoe");
        assertThat(line.get("quantity").asInt()).isEqualTo(1);
        assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(8990);
        assertThat(line.get("unitPrice").get("currency").asText()).isEqualTo("EUR");
        assertThat(line.get("lineTotal").get("amount").asLong()).isEqualTo(8990);
        assertThat(line.get("priceChanged").asBoolean()).isFalse();
        assertThat(body.get("totals").get("total").get("amount").asLong()).isEqualTo(8990);
        assertThat(fixture.stored(cart.id()).lines()).singleElement()
                .satisfies(stored -> assertThat(stored.quantity().value()).isEqualTo(1));
    }

    @Test
    void everyLineOperationAndPromoCodeWorksFromTheSampleEvents() {
        // given
        GuestCart cart = fixture.guestCartWith(SHOES, 1);

        // when: the sample change event carries If-Match "2", the version after the first add
        JsonNode changed = json(fixture.call(SampleEvent.of("carts-change-item").cart(cart.id(), cart.token())));
        JsonNode coded = json(fixture.call(SampleEvent.of("carts-apply-promo-code").cart(cart.id(), cart.token())));
        JsonNode uncoded = json(fixture.call(SampleEvent.of("carts-remove-promo-code").cart(cart.id(), cart.token())));
        JsonNode removed = json(fixture.call(SampleEvent.of("carts-remove-item").cart(cart.id(), cart.token())));

        // then
        assertThat(changed.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(coded.get("promoCodes").get(0).asText()).isEqualTo("SUMMER10");
        assertThat(coded.get("totals").get("discount").get("amount").asLong()).isEqualTo(1798);
        assertThat(coded.get("totals").get("total").get("amount").asLong()).isEqualTo(16182);
        assertThat(coded.get("lines").get(0).get("promotions").get(0).get("code").asText()).isEqualTo("SUMMER10");
        assertThat(uncoded.get("promoCodes")).isEmpty();
        assertThat(uncoded.get("totals").get("discount").get("amount").asLong()).isZero();
        assertThat(removed.get("lines")).isEmpty();
        assertThat(removed.get("version").asLong()).isEqualTo(6);
        assertThat(removed.get("channels").findValuesAsText("channel")).containsExactlyInAnyOrder("mobile", "web");
        assertThat(fixture.stored(cart.id()).lines()).isEmpty();
    }

    @Test
    void theStoreSeesTheCartWithTheSameTotals() {
        // given
        GuestCart cart = fixture.guestCartWith(SOCKS, 3);

        // when
        APIGatewayV2HTTPResponse response = fixture.call(SampleEvent.of("carts-get").cart(cart.id(), cart.token()));

        // then
        JsonNode body = json(response);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(skus(body)).containsExactly(SOCKS);
        assertThat(body.get("totals").get("total").get("amount").asLong()).isEqualTo(3897);
    }

    @Test
    void aLineShowsThatItsPriceChangedSinceItWasAdded() {
        // given
        GuestCart cart = fixture.guestCartWith(CAP, 2);

        // when
        fixture.products.save(CartsFixture.product(CAP, "Red cap", "hats", 1200, true));
        JsonNode body = json(fixture.call(SampleEvent.of("carts-get").cart(cart.id(), cart.token())));

        // then
        JsonNode line = body.get("lines").get(0);
        assertThat(line.get("priceChanged").asBoolean()).isTrue();
        assertThat(line.get("unitPrice").get("amount").asLong()).isEqualTo(1200);
        assertThat(body.get("totals").get("total").get("amount").asLong()).isEqualTo(2400);
        assertThat(fixture.stored(cart.id()).lines().getFirst().seenUnitPrice()).isEqualTo(Money.of(1500, "EUR"));
    }

    @Test
    void aCustomerTokenOpensTheCustomersOneActiveCartOnEveryDevice() {
        // when
        APIGatewayV2HTTPResponse onWeb = fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")));
        APIGatewayV2HTTPResponse onMobile = fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")).header("x-channel", "mobile"));
        APIGatewayV2HTTPResponse mine = fixture.call(SampleEvent.of("carts-get-my-cart").claimsOf("customer-1"));

        // then
        String id = json(onWeb).get("id").asText();
        assertThat(onWeb.getStatusCode()).isEqualTo(201);
        assertThat(json(onWeb).get("customerId").asText()).isEqualTo("customer-1");
        assertThat(json(onWeb).has("token")).isFalse();
        assertThat(onMobile.getStatusCode()).isEqualTo(200);
        assertThat(json(onMobile).get("id").asText()).isEqualTo(id);
        assertThat(mine.getStatusCode()).isEqualTo(200);
        assertThat(json(mine).get("id").asText()).isEqualTo(id);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1")).orElseThrow().id().value()).isEqualTo(id);
    }

    @Test
    void aCustomerReachesTheirCartWithTheirTokenAndNobodyElseDoes() {
        // given
        String id = json(fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")))).get("id").asText();

        // when
        APIGatewayV2HTTPResponse owner = fixture.call(SampleEvent.of("carts-add-item").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-1")));
        APIGatewayV2HTTPResponse stranger = fixture.call(SampleEvent.of("carts-get").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-2")));
        APIGatewayV2HTTPResponse anonymous = fixture.call(SampleEvent.of("carts-get").cart(id, null));

        // then
        assertThat(owner.getStatusCode()).isEqualTo(200);
        assertThat(stranger.getStatusCode()).isEqualTo(404);
        assertThat(anonymous.getStatusCode()).isEqualTo(404);
        assertThat(json(stranger).get("detail").asText()).isEqualTo(json(anonymous).get("detail").asText());
        assertThat(fixture.stored(id).lines()).hasSize(1);
    }

    @Test
    void signingInMergesTheGuestCartIntoTheCustomersCart() {
        // given: a guest cart on mobile, the customer's cart on the web
        GuestCart guest = fixture.guestCartWith(SHOES, 1);
        fixture.call(SampleEvent.of("carts-add-item").cart(guest.id(), guest.token()).body("{\"sku\":\"SOCK-3PK\",\"quantity\":2}"));
        String mine = json(fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")))).get("id").asText();
        fixture.call(SampleEvent.of("carts-add-item").cart(mine, null).header("authorization", CartsFixture.bearer("customer-1")));
        String mergeBody = "{\"cartId\":\"" + guest.id() + "\",\"token\":\"" + guest.token() + "\"}";

        // when
        APIGatewayV2HTTPResponse merged = fixture.call(SampleEvent.of("carts-merge").claimsOf("customer-1").body(mergeBody));
        APIGatewayV2HTTPResponse retried = fixture.call(SampleEvent.of("carts-merge").claimsOf("customer-1").body(mergeBody));

        // then
        JsonNode body = json(merged);
        assertThat(merged.getStatusCode()).isEqualTo(200);
        assertThat(body.get("id").asText()).isEqualTo(mine);
        assertThat(skus(body)).containsExactlyInAnyOrder(SHOES, SOCKS);
        assertThat(body.get("lines").findValues("quantity")).extracting(JsonNode::asInt).containsExactly(2, 2);
        assertThat(body.get("channels").findValuesAsText("channel")).containsExactlyInAnyOrder("mobile", "web");
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(json(retried).get("version")).isEqualTo(body.get("version"));
        assertThat(fixture.stored(guest.id()).status()).isEqualTo(CartStatus.MERGED);
        assertThat(fixture.stored(guest.id()).mergedInto()).contains(new CartId(mine));
        assertThat(fixture.stored(mine).channels()).extracting(ChannelVisit::channel)
                .containsExactlyInAnyOrder(Channel.MOBILE, Channel.WEB);
    }

    @Test
    void aStaleIfMatchIsAConflictCarryingTheCurrentCart() {
        // given: the phone moved the cart to version 3 while the web still shows version 2
        GuestCart cart = fixture.guestCartWith(SHOES, 1);
        fixture.call(SampleEvent.of("carts-add-item").cart(cart.id(), cart.token()).body("{\"sku\":\"CAP-RED\",\"quantity\":1}"));

        // when
        APIGatewayV2HTTPResponse response = fixture.call(SampleEvent.of("carts-change-item").cart(cart.id(), cart.token()));

        // then
        JsonNode problem = json(response);
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(problem.get("type").asText()).isEqualTo("https://omnis.dev/problems/version-conflict");
        assertThat(problem.get("current").get("version").asLong()).isEqualTo(3);
        assertThat(skus(problem.get("current"))).containsExactly(SHOES, CAP);
        assertThat(fixture.stored(cart.id()).line(Sku.of(SHOES)).orElseThrow().quantity().value()).isEqualTo(1);
    }

    @Test
    void everyRouteOfTheTemplateIsAnswered() {
        assertThat(fixture.handler.router().routeKeys()).containsExactlyInAnyOrder(
                "POST /carts", "GET /carts/{cartId}", "POST /carts/{cartId}/items",
                "PATCH /carts/{cartId}/items/{sku}", "DELETE /carts/{cartId}/items/{sku}",
                "POST /carts/{cartId}/promo-codes", "DELETE /carts/{cartId}/promo-codes/{code}",
                "GET /me/cart", "POST /me/cart/merge",
                "GET /customers/{customerId}/cart", "POST /customers/{customerId}/cart/items",
                "PATCH /customers/{customerId}/cart/items/{sku}", "DELETE /customers/{customerId}/cart/items/{sku}",
                "POST /customers/{customerId}/cart/send");
    }
}
