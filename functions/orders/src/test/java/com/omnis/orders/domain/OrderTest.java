package com.omnis.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.pricing.Totals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Sku SHOE = Sku.of("SHOE-RUN-42");
    private static final Instant T0 = Instant.parse("2026-06-15T10:00:00Z");
    private static final Duration FIVE_DAYS = Duration.ofDays(5);

    static Order pickupOrder(int units) {
        Money total = Money.of(8999L * units / 3, "EUR");
        OrderLine line = new OrderLine(SHOE, "Shoe", units, Money.of(3333, "EUR"), Money.of(0, "EUR"), total, List.of(), 0, 0);
        Fulfilment pickup = new Fulfilment("f1", FulfilmentKind.PICKUP, "store-lyon", List.of(new Fulfilment.Line(SHOE, units)),
                FulfilmentState.CREATED, new Fulfilment.Sourcing("pickup at Lyon"), null, null, null, null, false, List.of());
        return Order.place(new Order("ord-1", "OM-00000000", Channel.WEB, new PlacedBy("customer", "c1", null), "c1", null,
                "cart-1", new Contact(null, null), "EUR", List.of(line), new Totals(total, Money.zero("EUR"), total),
                List.of(pickup), new Payment("card", "pay-1", PaymentStatus.AUTHORISED, List.of(), Money.zero("EUR")),
                List.of(), List.of(), null, null, T0, T0, 1)).order();
    }

    static Order move(Order order, FulfilmentState to, Instant at) {
        return order.moveFulfilment("f1", to, null, null, FIVE_DAYS, at, "anna").order();
    }

    static Order collected(int units) {
        Order order = move(pickupOrder(units), FulfilmentState.PICKED, T0);
        order = move(order, FulfilmentState.READY_FOR_PICKUP, T0);
        return move(order, FulfilmentState.COLLECTED, T0.plusSeconds(3600));
    }

    @Test
    void eachTransitionBumpsTheSequenceAndEmitsAnEventNamedAfterItsState() {
        Order.Change ready = move(pickupOrder(1), FulfilmentState.PICKED, T0)
                .moveFulfilment("f1", FulfilmentState.READY_FOR_PICKUP, null, null, FIVE_DAYS, T0, "anna");

        assertThat(ready.order().sequence()).isEqualTo(3);
        assertThat(ready.events()).extracting(OrderEvent::type).containsExactly("FulfilmentReadyForPickup");
        assertThat(ready.events().getFirst().data()).containsEntry("sequence", 3L);
        assertThat(ready.order().fulfilment("f1").orElseThrow().pickupDeadline()).isEqualTo(T0.plus(FIVE_DAYS));
    }

    @Test
    void aRepeatedEventIsANoOpAndAnInvalidOneListsTheAllowedStates() {
        Order picked = move(pickupOrder(1), FulfilmentState.PICKED, T0);

        Order.Change again = picked.moveFulfilment("f1", FulfilmentState.PICKED, null, null, FIVE_DAYS, T0, "anna");

        assertThat(again.changed()).isFalse();
        assertThat(again.order()).isEqualTo(picked);
        assertThatThrownBy(() -> picked.moveFulfilment("f1", FulfilmentState.SHIPPED, null, null, FIVE_DAYS, T0, "anna"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-transition");
                    assertThat(e.detail()).contains("ready-for-pickup", "cancelled");
                });
    }

    @Test
    void collectingTheOnlyFulfilmentCompletesTheOrder() {
        Order order = move(move(pickupOrder(1), FulfilmentState.PICKED, T0), FulfilmentState.READY_FOR_PICKUP, T0);

        Order.Change collected = order.moveFulfilment("f1", FulfilmentState.COLLECTED, null, null, FIVE_DAYS, T0, "anna");

        assertThat(collected.order().status()).isEqualTo(Order.Status.COMPLETED);
        assertThat(collected.order().fulfilmentStatus()).isEqualTo("delivered");
        assertThat(collected.events()).extracting(OrderEvent::type).containsExactly("FulfilmentCollected", "OrderCompleted");
    }

    @Test
    void anExpiredPickupGivesItsUnitsBackAndCancelsTheOrder() {
        Order ready = move(move(pickupOrder(2), FulfilmentState.PICKED, T0), FulfilmentState.READY_FOR_PICKUP, T0);

        Order.Change expired = ready.moveFulfilment("f1", FulfilmentState.EXPIRED, null, null, FIVE_DAYS, T0, "schedule");

        assertThat(expired.stock()).containsExactly(new StockEffect.Restock(SHOE, "store-lyon", 2, "pickup-expired"));
        assertThat(expired.events()).extracting(OrderEvent::type).contains("PickupExpired", "OrderCancelled");
        assertThat(expired.order().status()).isEqualTo(Order.Status.CANCELLED);
    }

    @Test
    void cancellingReleasesTheUnitsUntilTheGoodsLeftAndThenIsRefused() {
        Order.Change cancelled = pickupOrder(2).cancel("changed my mind", T0, "c1");

        assertThat(cancelled.order().status()).isEqualTo(Order.Status.CANCELLED);
        assertThat(cancelled.stock()).containsExactly(new StockEffect.Restock(SHOE, "store-lyon", 2, "order-cancelled"));
        assertThat(cancelled.order().cancel("again", T0, "c1").changed()).isFalse();
        assertThatThrownBy(() -> collected(1).cancel("too late", T0, "c1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("not-cancellable"));
    }

    @Test
    void neverMoreIsReturnedThanWasHandedOver() {
        Order order = collected(3);

        Order twoBack = order.requestReturn("ret-1", Map.of(SHOE, 2), "too big", Duration.ofDays(30), T0.plusSeconds(7200), "c1")
                .order();

        assertThat(twoBack.lines().getFirst().returned()).isEqualTo(2);
        assertThatThrownBy(() -> twoBack.requestReturn("ret-2", Map.of(SHOE, 2), "again", Duration.ofDays(30),
                T0.plusSeconds(7200), "c1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("return-exceeds-purchase"));
        assertThatThrownBy(() -> pickupOrder(1).requestReturn("ret-3", Map.of(SHOE, 1), "not collected", Duration.ofDays(30),
                T0, "c1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("nothing-to-return"));
    }

    @Test
    void aReturnAfterTheWindowIsRefused() {
        Order order = collected(1);
        Instant collectedAt = T0.plusSeconds(3600);

        assertThat(order.requestReturn("ret-1", Map.of(SHOE, 1), "late", Duration.ofDays(30),
                collectedAt.plus(Duration.ofDays(30)), "c1").changed()).isTrue();
        assertThatThrownBy(() -> order.requestReturn("ret-1", Map.of(SHOE, 1), "late", Duration.ofDays(30),
                collectedAt.plus(Duration.ofDays(30)).plusSeconds(1), "c1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("return-window-closed"));
    }

    @Test
    void receivingAReturnRestocksWhatIsSellableAndRefundsWhatWasPaidForTheUnits() {
        Order order = collected(3).requestReturn("ret-1", Map.of(SHOE, 2), "too big", Duration.ofDays(30), T0, "c1").order();

        Order.Change received = order.receiveReturn("ret-1", "store-paris", List.of(
                new OrderReturn.Received(SHOE, 1, OrderReturn.Disposition.RESTOCK),
                new OrderReturn.Received(SHOE, 1, OrderReturn.Disposition.WRITE_OFF)), T0, "paul");

        assertThat(received.stock()).containsExactly(new StockEffect.ReturnReceipt(SHOE, "store-paris", 1, "ret-1"));
        assertThat(received.order().returns().getFirst().refund()).isEqualTo(Money.of(5999, "EUR"));
        assertThat(received.events()).extracting(OrderEvent::type).containsExactly("ReturnReceived", "RefundRequested");
        assertThat(received.order().receiveReturn("ret-1", "store-paris", List.of(), T0, "paul").changed()).isFalse();
    }

    @Test
    void aPaymentEventIsAppliedOnceAndAFailedPaymentCancelsTheOrder() {
        Order order = pickupOrder(1);

        Order.Change failed = order.applyPayment("evt-1", PaymentStatus.FAILED, T0);

        assertThat(failed.order().payment().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.order().status()).isEqualTo(Order.Status.CANCELLED);
        assertThat(failed.stock()).hasSize(1);
        assertThat(failed.order().applyPayment("evt-1", PaymentStatus.FAILED, T0).changed()).isFalse();
    }
}
