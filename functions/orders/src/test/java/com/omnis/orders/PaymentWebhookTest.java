package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.orders.domain.Signatures;
import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The payment provider's webhook: signed, fresh, each event once; early ones are kept, not lost. */
class PaymentWebhookTest {

    private final OrdersFixture fixture = new OrdersFixture();
    private final Signatures provider = new Signatures(OrdersFixture.WEBHOOK_SECRET);

    @AfterEach
    void close() {
        fixture.close();
    }

    private String placeOrder(String reference) {
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 10);
        String cartId = fixture.cart("payer-" + reference, Map.of(OrdersFixture.TEE, 1));
        Http.Response placed = fixture.checkout(Http.As.customer("payer-" + reference), "key-" + UUID.randomUUID(),
                OrdersFixture.delivery(cartId, reference));
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    private Http.Response webhook(String body, String timestamp, String signature) {
        Http.Request request = Http.request("POST", "/webhooks/payments", "/webhooks/payments").body(body);
        if (timestamp != null) {
            request.header("Payment-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("Payment-Signature", signature);
        }
        return fixture.http.send(request);
    }

    private Http.Response signed(String body) {
        String timestamp = Long.toString(fixture.clock.instant().getEpochSecond());
        return webhook(body, timestamp, "v1=" + provider.sign(timestamp + "." + body));
    }

    private static String event(String id, String type, String reference) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"reference\": \"" + reference + "\"}";
    }

    @Test
    void aCaptureIsAppliedOnceAndItsReplayChangesNothing() {
        String orderId = placeOrder("pay-1");

        Http.Response first = signed(event("evt-1", "captured", "pay-1"));
        long sequence = fixture.get(Http.As.ops(), orderId).body().path("sequence").asLong();
        Http.Response replay = signed(event("evt-1", "captured", "pay-1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("result").asText()).isEqualTo("applied");
        assertThat(replay.body().path("result").asText()).isEqualTo("duplicate");
        assertThat(fixture.get(Http.As.ops(), orderId).body().path("paymentStatus").asText()).isEqualTo("captured");
        assertThat(fixture.get(Http.As.ops(), orderId).body().path("sequence").asLong()).isEqualTo(sequence);
        assertThat(fixture.outboxEvents("PaymentStatusChanged")).hasSize(1);
    }

    @Test
    void forgedUnsignedAndStaleWebhooksAreRefusedAndChangeNothing() {
        String orderId = placeOrder("pay-2");
        String body = event("evt-2", "failed", "pay-2");
        String now = Long.toString(fixture.clock.instant().getEpochSecond());
        String old = Long.toString(fixture.clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());

        Http.Response forged = webhook(body, now, "v1=" + new Signatures("not-the-providers-secret").sign(now + "." + body));
        Http.Response unsigned = webhook(body, now, null);
        Http.Response stale = webhook(body, old, "v1=" + provider.sign(old + "." + body));
        Http.Response tampered = webhook(body.replace("pay-2", "pay-3"), now, "v1=" + provider.sign(now + "." + body));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(fixture.get(Http.As.ops(), orderId).body().path("paymentStatus").asText()).isEqualTo("authorised");
        assertThat(fixture.get(Http.As.ops(), orderId).body().path("status").asText()).isEqualTo("placed");
    }

    @Test
    void aFailedPaymentCancelsTheOrderAndGivesTheStockBack() {
        String orderId = placeOrder("pay-4");
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand()).isEqualTo(9);

        signed(event("evt-4", "failed", "pay-4"));

        var order = fixture.get(Http.As.ops(), orderId).body();
        assertThat(order.path("paymentStatus").asText()).isEqualTo("failed");
        assertThat(order.path("status").asText()).isEqualTo("cancelled");
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand()).isEqualTo(10);
    }

    @Test
    void aWebhookBeforeTheOrderExistsIsKeptAndAppliedWhenTheOrderIsPlacedWithoutASecondOrder() {
        Http.Response early = signed(event("evt-5", "captured", "pay-5"));
        assertThat(early.status()).isEqualTo(202);
        assertThat(fixture.orderCount()).isZero();

        String orderId = placeOrder("pay-5");

        assertThat(fixture.get(Http.As.ops(), orderId).body().path("paymentStatus").asText()).isEqualTo("captured");
        assertThat(fixture.orderCount()).isEqualTo(1);
        assertThat(signed(event("evt-5", "captured", "pay-5")).body().path("result").asText()).isEqualTo("duplicate");
    }
}
