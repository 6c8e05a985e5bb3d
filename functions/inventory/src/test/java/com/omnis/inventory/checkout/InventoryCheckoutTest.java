package com.omnis.inventory.checkout;

import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.NICE;
import static com.omnis.inventory.testing.InventoryFixture.SHOE;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.inventory.StockMovementsTest;
import com.omnis.inventory.domain.StockEvents;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.inventory.testing.StockAudit;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.idempotency.DynamoIdempotencyStore;
import com.omnis.shared.idempotency.Idempotency;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.idempotency.RequestFingerprint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The parts the orders function composes into its checkout transaction, written as it will write them. */
class InventoryCheckoutTest {

    private final InventoryFixture f = new InventoryFixture();
    private final Transaction transaction = new Transaction(f.dynamo);
    private final As shopper = As.customer("customer-1");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void committingHoldsSellsTheirUnitsAndRecordsTheOrderOnEachHold() {
        // given: two holds of the shopper
        f.receive(TEE, WAREHOUSE, 10);
        f.receive(SHOE, LYON, 4);
        ReservationId tees = hold(TEE, 3, null);
        ReservationId shoes = hold(SHOE, 1, LYON);

        // when
        transaction.write(List.of(f.checkout.commitHolds(List.of(tees, shoes), "order-1", "corr-1")));

        // then
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(7);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).ledger().sold()).isEqualTo(3);
        assertThat(f.position(SHOE, LYON).onHand()).isEqualTo(3);
        assertThat(reservation(tees)).satisfies(r -> {
            assertThat(r.status().code()).isEqualTo("committed");
            assertThat(r.orderId()).isEqualTo("order-1");
        });
        assertThat(stockChanged("reservation-committed")).extracting(StockEvents.StockChanged::reference)
                .containsOnly("order-1").hasSize(2);
        StockAudit.assertConserved(f);
    }

    @Test
    void committingTheSameOrdersHoldsAgainWritesNothing() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        ReservationId tees = hold(TEE, 3, null);
        transaction.write(List.of(f.checkout.commitHolds(List.of(tees), "order-1", "corr-1")));

        // when: the checkout is retried
        StockPart again = f.checkout.commitHolds(List.of(tees), "order-1", "corr-2");

        // then
        assertThat(again.actions()).isEmpty();
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(7);
    }

    @Test
    void anExpiredHoldIsNeverCommitted() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        ReservationId tees = hold(TEE, 3, null);
        f.clock.advance(Duration.ofMinutes(16));

        // when / then
        assertThatThrownBy(() -> f.checkout.commitHolds(List.of(tees), "order-1", "corr-1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("reservation-expired"));
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(10);
    }

    @Test
    void aHoldReleasedAfterThePartWasBuiltRefusesTheWholeTransaction() {
        // given: the part is built, then the shopper releases the hold
        f.receive(TEE, WAREHOUSE, 10);
        ReservationId tees = hold(TEE, 3, null);
        StockPart part = f.checkout.commitHolds(List.of(tees), "order-1", "corr-1");
        assertThat(f.release(shopper, tees.value()).status()).isEqualTo(200);
        int outbox = f.outboxItems();

        // when / then
        assertThatThrownBy(() -> transaction.write(List.of(part)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("reservation-closed"));
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(10);
        assertThat(reservation(tees).status().code()).isEqualTo("released");
        assertThat(f.outboxItems()).isEqualTo(outbox);
    }

    @Test
    void takingUnitsWithoutAHoldSellsThemButNeverWhatSafetyStockKeepsBack() {
        // given: Lyon has 5 and keeps 2 back from the web
        f.receive(TEE, LYON, 5);
        f.configure(As.staff(LYON), TEE, LYON, Map.of("safetyStock", Map.of("web", 2)));

        // when
        transaction.write(List.of(f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 2), line(TEE, LYON, 1)),
                "order-1", "corr-1")));

        // then: 3 sold; the web cannot take one more, the till can
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(2);
        assertThat(f.position(TEE, LYON).ledger().sold()).isEqualTo(3);
        assertThat(stockChanged("sale")).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("order-1");
            assertThat(e.onHand().after()).isEqualTo(2);
        });
        assertThatThrownBy(() -> f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 1)), "order-2", "corr-2"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-stock");
                    assertThat(e.detail()).contains(TEE.value()).contains(LYON);
                    assertThat(((InsufficientStock) e.current()).shortfalls()).containsExactly(
                            new Shortfall(TEE.value(), 1, 0, List.of(new Shortfall.Where(LYON, 0))));
                });
        transaction.write(List.of(f.checkout.take(Channel.STORE, List.of(line(TEE, LYON, 2)), "order-3", "corr-3")));
        assertThat(f.position(TEE, LYON).onHand()).isZero();
        StockAudit.assertConserved(f);
    }

    @Test
    void aTakeOvertakenByASaleIsRefusedNamingWhatIsLeft() {
        // given: the part takes 3 of 4; meanwhile the till sells 2
        f.receive(TEE, LYON, 4);
        StockPart part = f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 3)), "order-1", "corr-1");
        f.move(As.staff(LYON), StockMovementsTest.key(), StockMovementsTest.movement("sale", TEE, LYON, 2));

        // when / then
        assertThatThrownBy(() -> transaction.write(List.of(part)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient-stock");
                    assertThat(((InsufficientStock) e.current()).shortfalls()).containsExactly(
                            new Shortfall(TEE.value(), 3, 2, List.of(new Shortfall.Where(LYON, 2))));
                });
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(2);
    }

    @Test
    void aTakeWhoseRecordOnlyMovedIsStaleAndSucceedsWhenDecidedAgain() {
        // given: taking 1 of 10 decided no LowStock; a sale of 5 meanwhile makes this take cross the threshold
        f.receive(TEE, LYON, 10);
        StockPart part = f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 1)), "order-1", "corr-1");
        f.move(As.staff(LYON), StockMovementsTest.key(), StockMovementsTest.movement("sale", TEE, LYON, 5));

        // when / then: stale, not a shortfall
        assertThatThrownBy(() -> transaction.write(List.of(part))).isInstanceOf(StaleWriteException.class);

        // when: read, decide, write again, as a flow does inside Retry
        Retry.standard().run(() -> transaction.write(List.of(
                f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 1)), "order-1", "corr-1"))));

        // then
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(4);
        assertThat(f.outboxEvents(StockEvents.LOW_STOCK)).isNotEmpty();
    }

    @Test
    void aCheckoutThatCommitsAHoldAndTakesMoreOfTheSameRecordIsOnePart() {
        // given: 2 held at the warehouse; the cart has 1 more of the same SKU without a hold
        f.receive(TEE, WAREHOUSE, 10);
        ReservationId tees = hold(TEE, 2, null);

        // when
        StockPart part = f.checkout.place(List.of(tees), Channel.WEB, List.of(line(TEE, WAREHOUSE, 1)), "order-1", "c");
        transaction.write(List.of(part));

        // then: one write of the record (a transaction writes an item once), 3 sold
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(7);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).ledger().sold()).isEqualTo(3);
        assertThat(stockChanged("order-placed")).singleElement()
                .satisfies(e -> assertThat(e.reference()).isEqualTo("order-1"));
        assertThat(reservation(tees).orderId()).isEqualTo("order-1");
        StockAudit.assertConserved(f);
    }

    @Test
    void cancelledOrdersAndReturnsPutUnitsBackWithTheirReason() {
        // given: 2 sold at Lyon by order-1
        f.receive(TEE, LYON, 5);
        transaction.write(List.of(f.checkout.take(Channel.WEB, List.of(line(TEE, LYON, 2)), "order-1", "c1")));

        // when: one cancelled back at Lyon, one returned at Nice
        transaction.write(List.of(f.checkout.release(List.of(line(TEE, LYON, 1)), "order-1",
                ReleaseReason.ORDER_CANCELLED, "c2")));
        transaction.write(List.of(f.checkout.receiveReturn(List.of(line(TEE, NICE, 1)), "return-1", "c3")));

        // then
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(4);
        assertThat(f.position(TEE, LYON).ledger().restocked()).isEqualTo(1);
        assertThat(f.position(TEE, NICE).onHand()).isEqualTo(1);
        assertThat(stockChanged("order-cancelled")).extracting(StockEvents.StockChanged::reference).containsExactly("order-1");
        assertThat(stockChanged("return")).singleElement().satisfies(e -> {
            assertThat(e.locationId()).isEqualTo(NICE);
            assertThat(e.reference()).isEqualTo("return-1");
        });
        StockAudit.assertConserved(f);
    }

    @Test
    void aCheckoutComposedWithItsIdempotencyRecordTakesTheStockOnceHoweverOftenItIsSent() {
        // given: a checkout-like flow: idempotency completion and stock part in one transaction
        f.receive(TEE, WAREHOUSE, 10);
        Idempotency idempotency = new Idempotency(new DynamoIdempotencyStore(f.dynamo, f.tables.get("IDEMPOTENCY_TABLE")),
                f.clock);
        IdempotencyKey key = IdempotencyKey.of("checkout:customer-1", "checkout-key-1");
        RequestFingerprint body = RequestFingerprint.of("{\"cartId\":\"cart-1\"}");
        Runnable checkout = () -> idempotency.run(key, body, Map.class, completion -> {
            Map<String, String> response = Map.of("orderId", "order-" + UUID.randomUUID());
            List<TransactionPart> parts = List.of(completion.part(response),
                    f.checkout.take(Channel.WEB, List.of(line(TEE, WAREHOUSE, 2)), response.get("orderId"), "c"));
            transaction.write(parts);
            return response;
        });

        // when
        checkout.run();
        checkout.run();

        // then
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(8);
        assertThat(stockChanged("sale")).hasSize(1);
    }

    @Test
    void theSourcingReadSeesEveryLocationOfASku() {
        // given
        f.receive(TEE, WAREHOUSE, 3);
        f.receive(TEE, LYON, 2);

        // when
        var positions = f.checkout.stock().positions(List.of(TEE)).get(TEE);
        var web = f.checkout.availability().of(TEE, Channel.WEB);

        // then
        assertThat(positions).containsOnlyKeys(WAREHOUSE, LYON);
        assertThat(web.available()).isEqualTo(5);
    }

    private ReservationId hold(com.omnis.shared.domain.Sku sku, int quantity, String locationId) {
        Map<String, Object> line = locationId == null ? Map.of("sku", sku.value(), "quantity", quantity)
                : Map.of("sku", sku.value(), "quantity", quantity, "locationId", locationId);
        Http.Response response = f.hold(shopper, Map.of("channel", "web", "lines", List.of(line)));
        assertThat(response.status()).isEqualTo(201);
        return ReservationId.of(response.body().get("id").asText());
    }

    private com.omnis.inventory.service.ReservationView reservation(ReservationId id) {
        return f.inventory.reservations().get(Caller.fromClaims(shopper.claims()), id);
    }

    private List<StockEvents.StockChanged> stockChanged(String reason) {
        return f.outboxEvents(StockEvents.STOCK_CHANGED).stream()
                .map(e -> e.dataAs(StockEvents.StockChanged.class))
                .filter(e -> e.reason().equals(reason))
                .toList();
    }

    private static StockLine line(com.omnis.shared.domain.Sku sku, String locationId, int quantity) {
        return StockLine.of(sku, LocationId.of(locationId), quantity);
    }
}
