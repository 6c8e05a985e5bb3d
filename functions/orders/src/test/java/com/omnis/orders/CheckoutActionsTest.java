package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.orders.service.CheckoutService;
import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * How many DynamoDB actions one checkout's transaction holds, for 1, 5 and the largest cart the API
 * accepts ({@link CheckoutService#MAX_LINES}): the figures docs/orders.md gives. Counted on the real
 * TransactWriteItems calls.
 */
class CheckoutActionsTest {

    private final List<Integer> transactions = new CopyOnWriteArrayList<>();
    private final OrdersFixture fixture = new OrdersFixture(
            new Retry(40, Duration.ofMillis(1), Duration.ofMillis(5), d -> Thread.sleep(d), RandomGenerator.getDefault()),
            this::counting);

    private DynamoDbClient counting(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[]{DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && args != null
                            && args[0] instanceof TransactWriteItemsRequest request) {
                        transactions.add(request.transactItems().size());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private int actionsOfACheckoutOf(int lines) {
        Map<Sku, Integer> cart = new LinkedHashMap<>();
        for (int i = 0; i < lines; i++) {
            Sku sku = fixture.product("BULK-" + lines + "-" + i);
            fixture.stock(sku, OrdersFixture.WAREHOUSE, 10);
            cart.put(sku, 1);
        }
        String cartId = fixture.cart("counter-" + lines, cart);
        transactions.clear();
        Http.Response placed = fixture.checkout(Http.As.customer("counter-" + lines), "key-" + UUID.randomUUID(),
                OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()));
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(transactions).hasSize(1);
        return transactions.getFirst();
    }

    @Test
    void aCheckoutIsOneTransactionOfNineActionsPlusOnePerLineUpToTheLargestCart() {
        int one = actionsOfACheckoutOf(1);
        int five = actionsOfACheckoutOf(5);
        int largest = actionsOfACheckoutOf(CheckoutService.MAX_LINES);

        // order, number, fulfilment entry, payment reference, cart + customer pointer, idempotency, orders' outbox,
        // inventory's outbox = 9; one stock write a line
        assertThat(one).isEqualTo(10);
        assertThat(five).isEqualTo(14);
        assertThat(largest).isEqualTo(9 + CheckoutService.MAX_LINES).isLessThanOrEqualTo(100);
        System.out.printf("checkout actions: 1 line = %d, 5 lines = %d, %d lines = %d%n", one, five,
                CheckoutService.MAX_LINES, largest);
    }
}
