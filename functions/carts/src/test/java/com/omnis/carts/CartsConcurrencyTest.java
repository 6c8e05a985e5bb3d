package com.omnis.carts;

import static com.omnis.carts.CartsFixture.SHOES;
import static com.omnis.carts.CartsFixture.SOCKS;
import static com.omnis.carts.CartsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.carts.CartsFixture.GuestCart;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartStatus;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many devices at once on one cart, through the handler on DynamoDB Local: no edit is lost, no cart doubled. */
class CartsConcurrencyTest {

    private final CartsFixture fixture = new CartsFixture();
    private final ExecutorService devices = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopDevices() {
        devices.shutdownNow();
        fixture.close();
    }

    /** Sends {@code count} requests at the same instant, one per thread, and returns every answer. */
    private List<APIGatewayV2HTTPResponse> atOnce(int count, IntFunction<SampleEvent> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SampleEvent event = request.apply(i);
            pending.add(devices.submit(() -> {
                start.await();
                return fixture.call(event);
            }));
        }
        start.countDown();
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> future : pending) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static String addBody(String sku, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    @Test
    void twentyDevicesAddingDifferentLinesAtOnceLoseNone() throws Exception {
        // given
        GuestCart cart = fixture.newGuestCart();
        for (int i = 0; i < 20; i++) {
            fixture.products.save(CartsFixture.product("PART-" + i, "Part " + i, "parts", 100 + i, true));
        }

        // when
        List<APIGatewayV2HTTPResponse> responses = atOnce(20, i -> SampleEvent.of("carts-add-item")
                .cart(cart.id(), cart.token()).body(addBody("PART-" + i, 1)));

        // then
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200);
        Cart stored = fixture.stored(cart.id());
        assertThat(stored.lines()).hasSize(20);
        assertThat(stored.version()).isEqualTo(21);
        assertThat(json(fixture.call(SampleEvent.of("carts-get").cart(cart.id(), cart.token())))
                .get("totals").get("subtotal").get("amount").asLong()).isEqualTo(20 * 100 + 190);
    }

    @Test
    void tenDevicesAddingTheSameNewSkuAtOnceCountEveryUnit() throws Exception {
        // given
        GuestCart cart = fixture.newGuestCart();

        // when
        List<APIGatewayV2HTTPResponse> responses = atOnce(10, i -> SampleEvent.of("carts-add-item")
                .cart(cart.id(), cart.token()).body(addBody(SOCKS, 1)));

        // then
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200);
        assertThat(fixture.stored(cart.id()).line(Sku.of(SOCKS)).orElseThrow().quantity().value()).isEqualTo(10);
        assertThat(fixture.stored(cart.id()).version()).isEqualTo(11);
    }

    @Test
    void devicesWritingOnTheSameIfMatchVersionLetOneWinAndTellTheOthersTheCurrentCart() throws Exception {
        // given: every device shows version 2
        GuestCart cart = fixture.guestCartWith(SHOES, 1);
        for (int i = 0; i < 10; i++) {
            fixture.products.save(CartsFixture.product("PART-" + i, "Part " + i, "parts", 100, true));
        }

        // when
        List<APIGatewayV2HTTPResponse> responses = atOnce(10, i -> SampleEvent.of("carts-add-item")
                .cart(cart.id(), cart.token()).header("if-match", "\"2\"").body(addBody("PART-" + i, 1)));

        // then
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 409).hasSize(9)
                .allSatisfy(conflict -> assertThat(json(conflict).get("current").get("version").asLong()).isEqualTo(3));
        Cart stored = fixture.stored(cart.id());
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.lines()).hasSize(2);
    }

    @Test
    void devicesOpeningACustomersCartAtOnceGetTheSameOneCart() throws Exception {
        // when
        List<APIGatewayV2HTTPResponse> responses = atOnce(8, i -> SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-race")));

        // then
        assertThat(responses).extracting(r -> json(r).get("id").asText()).containsOnly(
                fixture.carts.findCustomerCart(CustomerId.of("customer-race")).orElseThrow().id().value());
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.getStatusCode() == 200).hasSize(7);
    }

    @Test
    void aMergeSentFromSeveralDevicesAtOnceCountsTheGuestCartOnce() throws Exception {
        // given
        GuestCart guest = fixture.guestCartWith(SOCKS, 3);
        String body = "{\"cartId\":\"" + guest.id() + "\",\"token\":\"" + guest.token() + "\"}";

        // when
        List<APIGatewayV2HTTPResponse> responses = atOnce(4, i -> SampleEvent.of("carts-merge")
                .claimsOf("customer-merge").body(body));

        // then
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200);
        Cart mine = fixture.carts.findCustomerCart(CustomerId.of("customer-merge")).orElseThrow();
        assertThat(responses).extracting(r -> json(r).get("id").asText()).containsOnly(mine.id().value());
        assertThat(mine.line(Sku.of(SOCKS)).orElseThrow().quantity().value()).isEqualTo(3);
        assertThat(fixture.stored(guest.id()).status()).isEqualTo(CartStatus.MERGED);
    }
}
