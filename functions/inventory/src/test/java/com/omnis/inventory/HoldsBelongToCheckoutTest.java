package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.LILLE;
import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.inventory.domain.HoldLimits;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.inventory.testing.StockAudit;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.dynamo.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 8, "Holds belong to checkout": who may hold what, how much, and who commits. */
class HoldsBelongToCheckoutTest {

    private final InventoryFixture f = new InventoryFixture();
    private final As shopper = As.customer("customer-1");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aShopperCannotClaimTheTillsChannel() {
        // given: Lyon keeps 2 units for walk-in customers, away from the web
        f.receive(TEE, LYON, 3);

        // when
        Http.Response store = f.hold(shopper, hold("store", LYON, 3));
        Http.Response callCenter = f.hold(shopper, hold("call-center", null, 1));

        // then
        assertThat(store.status()).isEqualTo(403);
        assertThat(callCenter.status()).isEqualTo(403);
        assertThat(f.position(TEE, LYON).reserved()).isZero();
        assertThat(f.allReservations()).isEmpty();
    }

    @Test
    void anAgentHoldsForTheCustomerOnThePhone() {
        // given
        f.receive(TEE, WAREHOUSE, 3);

        // when
        Http.Response held = f.hold(new As(Map.of("sub", "agent-7", "cognito:groups", "[agent]")),
                hold("call-center", null, 1));

        // then
        assertThat(held.status()).isEqualTo(201);
    }

    @Test
    void storeStaffHoldAtTheirOwnTillOnly() {
        // given
        f.receive(TEE, LYON, 3);
        f.receive(TEE, LILLE, 3);
        f.receive(TEE, WAREHOUSE, 3);

        // when
        Http.Response atAnotherStore = f.hold(As.staff(LILLE), hold("store", LYON, 1));
        Http.Response online = f.hold(As.staff(LILLE), hold("web", null, 1));
        Http.Response atOwnStore = f.hold(As.staff(LILLE), hold("store", LILLE, 1));

        // then
        assertThat(atAnotherStore.status()).isEqualTo(403);
        assertThat(online.status()).isEqualTo(403);
        assertThat(atOwnStore.status()).isEqualTo(201);
        assertThat(f.position(TEE, LYON).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
    }

    @Test
    void onlyOpsCommitAHoldOverHttp() {
        // given
        f.receive(TEE, WAREHOUSE, 5);
        String id = held(shopper, 1);

        // when
        Http.Response owner = f.commit(shopper, id);
        Http.Response staff = f.commit(As.staff(LYON), id);
        Http.Response anonymous = f.commit(As.ANONYMOUS, id);
        Http.Response ops = f.commit(As.ops(), id);

        // then
        assertThat(owner.status()).isEqualTo(403);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(ops.status()).isEqualTo(200);
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(4);
    }

    @Test
    void aShopperKeepsAtMostFiveOpenHoldsAndGetsOneBackWhenOneCloses() {
        // given: five open holds
        f.receive(TEE, WAREHOUSE, 50);
        List<String> ids = java.util.stream.IntStream.range(0, 5).mapToObj(i -> held(shopper, 1)).toList();

        // when
        Http.Response sixth = f.hold(shopper, hold("web", null, 1));
        f.release(shopper, ids.getFirst());
        Http.Response afterRelease = f.hold(shopper, hold("web", null, 1));

        // then
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.body().get("type").asText()).endsWith("/hold-limit-reached");
        assertThat(sixth.body().at("/current/openHolds").asLong()).isEqualTo(5);
        assertThat(afterRelease.status()).isEqualTo(201);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(5);
        StockAudit.assertConserved(f);
    }

    @Test
    void aShopperHoldsAtMostTwentyUnitsInAll() {
        // given
        f.receive(TEE, WAREHOUSE, 50);
        held(shopper, 15);

        // when
        Http.Response over = f.hold(shopper, hold("web", null, 6));
        Http.Response within = f.hold(shopper, hold("web", null, 5));
        Http.Response otherShopper = f.hold(As.customer("customer-2"), hold("web", null, 20));

        // then
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body().get("type").asText()).endsWith("/hold-limit-reached");
        assertThat(within.status()).isEqualTo(201);
        assertThat(otherShopper.status()).isEqualTo(201);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(40);
        StockAudit.assertConserved(f);
    }

    @Test
    void concurrentHoldsOfOneShopperNeverExceedTheLimit() throws Exception {
        // given
        f.receive(TEE, WAREHOUSE, 50);

        // when: 12 holds at once from the same account
        List<Http.Response> responses = ReservationConcurrencyTest.concurrently(12,
                i -> () -> f.hold(shopper, hold("web", null, 1)));

        // then
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(5);
        StockAudit.assertConserved(f);
    }

    @Test
    void holdsCommittedByTheCheckoutOrExpiredNoLongerCount() {
        // given: five holds; two committed by an order, one expires
        f.receive(TEE, WAREHOUSE, 50);
        List<String> ids = java.util.stream.IntStream.range(0, 4).mapToObj(i -> held(shopper, 1)).toList();
        new Transaction(f.dynamo).write(List.of(f.checkout.commitHolds(
                List.of(ReservationId.of(ids.get(0)), ReservationId.of(ids.get(1))), "order-1", "corr")));
        f.hold(shopper, Map.of("channel", "web", "ttlSeconds", 60, "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1))));
        f.clock.advance(Duration.ofMinutes(2));
        f.inventory.reservations().expireDue(100, "sweep");

        // when: two open; three more fit
        List<Integer> statuses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> f.hold(shopper, hold("web", null, 1)).status()).toList();

        // then
        assertThat(statuses).containsExactly(201, 201, 201, 409);
        StockAudit.assertConserved(f);
    }

    @Test
    void opsAreNotLimited() {
        // given
        f.receive(TEE, WAREHOUSE, 50);

        // when
        List<Integer> statuses = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> f.hold(As.ops(), hold("web", null, 5)).status()).toList();

        // then
        assertThat(statuses).containsOnly(201);
    }

    @Test
    void theLimitsAreSettings() {
        assertThat(Inventory.holdLimits(Settings.of(Map.of()))).isEqualTo(HoldLimits.DEFAULT);
        assertThat(Inventory.holdLimits(Settings.of(Map.of("HOLD_LIMIT_OPEN_HOLDS", "2", "HOLD_LIMIT_UNITS", "8"))))
                .isEqualTo(new HoldLimits(2, 8));
    }

    @Test
    void aRetriedHoldWithTheSameKeyIsTheSameHold() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        Http.Response first = f.hold(shopper, "hold-cart-1-try", hold("web", null, 2));

        // when
        Http.Response retried = f.hold(shopper, "hold-cart-1-try", hold("web", null, 2));
        Http.Response otherBody = f.hold(shopper, "hold-cart-1-try", hold("web", null, 3));
        Http.Response otherShopper = f.hold(As.customer("customer-2"), "hold-cart-1-try", hold("web", null, 2));

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.headers()).containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Location", "/reservations/" + first.body().get("id").asText());
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.body().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(otherShopper.status()).isEqualTo(201);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(4);
    }

    @Test
    void holdsPlacedAndRefusedAreCounted() {
        // given
        f.receive(TEE, WAREHOUSE, 2);

        // when
        f.hold(shopper, "hold-counted-1", hold("web", null, 2));
        f.hold(shopper, "hold-counted-1", hold("web", null, 2));
        f.hold(As.customer("customer-2"), hold("web", null, 1));

        // then: one placed (the replay is not a second), one refused for want of stock
        assertThat(f.metrics).containsEntry("HoldsPlaced", 1L).containsEntry("HoldsRefused", 1L)
                .containsEntry("StockMovements", 1L);
    }

    private String held(As as, int quantity) {
        Http.Response response = f.hold(as, hold("web", null, quantity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    private static Map<String, Object> hold(String channel, String locationId, int quantity) {
        Map<String, Object> line = locationId == null ? Map.of("sku", TEE.value(), "quantity", quantity)
                : Map.of("sku", TEE.value(), "quantity", quantity, "locationId", locationId);
        return Map.of("channel", channel, "lines", List.of(line));
    }
}
