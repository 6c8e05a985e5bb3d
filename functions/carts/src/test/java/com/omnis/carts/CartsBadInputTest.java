package com.omnis.carts;

import static com.omnis.carts.CartsFixture.SHOES;
import static com.omnis.carts.CartsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.carts.CartsFixture.GuestCart;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartToken;
import com.omnis.shared.domain.CustomerId;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input of the quality bar, on every cart route it can reach: a 4xx
 * {@code application/problem+json} naming the problem, and the cart exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartsBadInputTest {

    private static final String CUSTOMER = "customer-1";
    private static final String BIG_BODY = "{\"sku\":\"SOCK-3PK\",\"quantity\":1,\"note\":\"" + "x".repeat(70_000) + "\"}";

    private final CartsFixture fixture = new CartsFixture();

    @AfterAll
    void dropTables() {
        fixture.close();
    }

    private static Arguments bad(String name, int status, String type, Function<GuestCart, SampleEvent> event) {
        return Arguments.of(name, status, type, event);
    }

    private static SampleEvent addItem(GuestCart cart, String body) {
        return SampleEvent.of("carts-add-item").cart(cart.id(), cart.token()).body(body);
    }

    private static SampleEvent changeItem(GuestCart cart, String body) {
        return SampleEvent.of("carts-change-item").cart(cart.id(), cart.token()).without("if-match").body(body);
    }

    private static SampleEvent applyCode(GuestCart cart, String body) {
        return SampleEvent.of("carts-apply-promo-code").cart(cart.id(), cart.token()).body(body);
    }

    private static SampleEvent merge(String body) {
        return SampleEvent.of("carts-merge").claimsOf(CUSTOMER).body(body);
    }

    Stream<Arguments> badInputs() {
        return Stream.of(
                bad("malformed JSON", 400, "malformed-request", c -> addItem(c, "{\"sku\": \"SOCK-3PK\", \"quantity\": 1")),
                bad("empty body", 400, "malformed-request", c -> addItem(c, "")),
                bad("body is an array", 400, "invalid-input", c -> addItem(c, "[1, 2]")),
                bad("body is null", 400, "malformed-request", c -> addItem(c, "null")),
                bad("trailing garbage", 400, "malformed-request", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":1} x")),
                bad("quantity as a string", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":\"2\"}")),
                bad("quantity as a decimal", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":1.5}")),
                bad("quantity as a boolean", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":true}")),
                bad("sku as a number", 400, "invalid-input", c -> addItem(c, "{\"sku\":42,\"quantity\":1}")),
                bad("sku as an object", 400, "invalid-input", c -> addItem(c, "{\"sku\":{\"v\":1},\"quantity\":1}")),
                bad("missing sku", 400, "invalid-input", c -> addItem(c, "{\"quantity\":1}")),
                bad("missing quantity", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\"}")),
                bad("null quantity", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":null}")),
                bad("unknown field", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":1,\"price\":1}")),
                bad("zero quantity", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":0}")),
                bad("negative quantity", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":-3}")),
                bad("quantity 100", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":100}")),
                bad("quantity beyond int", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":2147483648}")),
                bad("huge quantity", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":99999999999999999999999}")),
                bad("quantity in exponent notation", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"SOCK-3PK\",\"quantity\":1e30}")),
                bad("body over 64 KB", 413, "payload-too-large", c -> addItem(c, BIG_BODY)),
                bad("body not JSON", 415, "unsupported-media-type", c -> addItem(c, "sku=SOCK-3PK").header("content-type", "text/plain")),
                bad("malformed SKU", 400, "invalid-input", c -> addItem(c, "{\"sku\":\"sock 3pk\",\"quantity\":1}")),
                bad("unknown SKU", 422, "unknown-sku", c -> addItem(c, "{\"sku\":\"NOPE-404\",\"quantity\":1}")),
                bad("product withdrawn", 422, "product-unavailable", c -> addItem(c, "{\"sku\":\"OLD-1\",\"quantity\":1}")),
                bad("line beyond 99", 422, "quantity-limit", c -> addItem(c, "{\"sku\":\"SHOE-RUN-42\",\"quantity\":99}")),
                bad("missing X-Channel", 400, "invalid-input", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).without("x-channel")),
                bad("unknown X-Channel", 400, "invalid-input", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).header("x-channel", "fax")),
                bad("unknown X-Channel on a read", 400, "invalid-input", c -> SampleEvent.of("carts-get").cart(c.id(), c.token()).header("x-channel", "tv")),
                bad("missing cart token", 404, "not-found", c -> SampleEvent.of("carts-add-item").cart(c.id(), null)),
                bad("wrong cart token", 404, "not-found", c -> SampleEvent.of("carts-add-item").cart(c.id(), "A".repeat(43))),
                bad("token of another cart", 404, "not-found", c -> SampleEvent.of("carts-get").cart(c.id(), CartToken.generate())),
                bad("cart id that is no UUID", 404, "not-found", c -> SampleEvent.of("carts-get").cart("customer#" + CUSTOMER, c.token())),
                bad("unknown cart id", 404, "not-found", c -> SampleEvent.of("carts-get").cart(CartId.random().value(), c.token())),
                bad("garbage bearer token", 401, "unauthorized", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).header("authorization", "Bearer not.a.jwt")),
                bad("expired bearer token", 401, "unauthorized", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).header("authorization", CartsFixture.expiredBearer(CUSTOMER))),
                bad("authorization that is no bearer", 401, "unauthorized", c -> SampleEvent.of("carts-get").cart(c.id(), c.token()).header("authorization", "Basic dXNlcjpwYXNz")),
                bad("expired token opening a cart", 401, "unauthorized", c -> SampleEvent.of("carts-create-customer").header("authorization", CartsFixture.expiredBearer(CUSTOMER))),
                bad("If-Match that is no version", 400, "invalid-input", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).header("if-match", "\"abc\"")),
                bad("stale If-Match", 409, "version-conflict", c -> SampleEvent.of("carts-add-item").cart(c.id(), c.token()).header("if-match", "\"1\"")),
                bad("change to zero", 400, "invalid-input", c -> changeItem(c, "{\"quantity\":0}")),
                bad("change to 100", 400, "invalid-input", c -> changeItem(c, "{\"quantity\":100}")),
                bad("change with a string", 400, "invalid-input", c -> changeItem(c, "{\"quantity\":\"5\"}")),
                bad("change of a line not in the cart", 404, "not-found", c -> changeItem(c, "{\"quantity\":2}").path("sku", "CAP-RED")),
                bad("change of a malformed SKU", 400, "invalid-input", c -> changeItem(c, "{\"quantity\":2}").path("sku", "cap red")),
                bad("removal of a line not in the cart", 404, "not-found", c -> SampleEvent.of("carts-remove-item").cart(c.id(), c.token()).path("sku", "CAP-RED")),
                bad("unknown promo code", 422, "unknown-promo-code", c -> applyCode(c, "{\"code\":\"NOSUCHCODE\"}")),
                bad("expired promo code", 422, "unknown-promo-code", c -> applyCode(c, "{\"code\":\"OLDCODE\"}")),
                bad("malformed promo code", 400, "invalid-input", c -> applyCode(c, "{\"code\":\"no spaces please\"}")),
                bad("promo code as a number", 400, "invalid-input", c -> applyCode(c, "{\"code\":10}")),
                bad("missing promo code", 400, "invalid-input", c -> applyCode(c, "{}")),
                bad("removal of a code not on the cart", 404, "not-found", c -> SampleEvent.of("carts-remove-promo-code").cart(c.id(), c.token())),
                bad("merge without token", 400, "invalid-input", c -> merge("{\"cartId\":\"" + c.id() + "\"}")),
                bad("merge without cart id", 400, "invalid-input", c -> merge("{\"token\":\"" + c.token() + "\"}")),
                bad("merge with the wrong token", 404, "not-found", c -> merge("{\"cartId\":\"" + c.id() + "\",\"token\":\"wrong\"}")),
                bad("merge with a malformed body", 400, "malformed-request", c -> merge("{\"cartId\":")),
                bad("merge without X-Channel", 400, "invalid-input", c -> merge("{\"cartId\":\"" + c.id() + "\",\"token\":\"" + c.token() + "\"}").without("x-channel")),
                bad("my cart when I have none", 404, "not-found", c -> SampleEvent.of("carts-get-my-cart").claimsOf(CUSTOMER)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badInputs")
    void badInputIsAProblemNamingItAndChangesNothing(String name, int status, String type,
                                                      Function<GuestCart, SampleEvent> event) {
        // given: a guest cart with one pair of shoes, at version 2
        GuestCart cart = fixture.guestCartWith(SHOES, 1);
        Cart before = fixture.stored(cart.id());

        // when
        APIGatewayV2HTTPResponse response = fixture.call(event.apply(cart));

        // then
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://omnis.dev/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(fixture.stored(cart.id())).isEqualTo(before);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of(CUSTOMER))).isEmpty();
    }
}
