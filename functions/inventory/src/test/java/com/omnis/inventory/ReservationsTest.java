package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.LILLE;
import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.NICE;
import static com.omnis.inventory.testing.InventoryFixture.SHOE;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.inventory.domain.StockEvents;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.local.lambda.LocalContext;
import com.omnis.shared.domain.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReservationsTest {

    private final InventoryFixture f = new InventoryFixture();
    private final As customer = As.customer("customer-1");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aHoldTakesEveryLineOrNothingAndNamesWhatIsMissingWhere() {
        // given: enough tee-shirts, 1 shoe at the warehouse and 1 at a store that ships
        f.receive(TEE, WAREHOUSE, 10);
        f.receive(SHOE, WAREHOUSE, 1);
        f.receive(SHOE, LYON, 1);
        int outboxBefore = f.outboxItems();

        // when
        Http.Response response = f.hold(customer, Map.of("channel", "web", "lines", List.of(
                Map.of("sku", TEE.value(), "quantity", 2), Map.of("sku", SHOE.value(), "quantity", 3))));

        // then
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("type").asText()).endsWith("/insufficient-stock");
        assertThat(response.body().at("/current/shortfalls")).singleElement().satisfies(shortfall -> {
            assertThat(shortfall.get("sku").asText()).isEqualTo(SHOE.value());
            assertThat(shortfall.get("requested").asLong()).isEqualTo(3);
            assertThat(shortfall.get("available").asLong()).isEqualTo(2);
            assertThat(shortfall.get("locations")).extracting(n -> n.get("locationId").asText() + "=" + n.get("available"))
                    .containsExactly("wh-paris=1", "store-lyon=1");
        });
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(SHOE, WAREHOUSE).reserved()).isZero();
        assertThat(f.allReservations()).isEmpty();
        assertThat(f.outboxItems()).isEqualTo(outboxBefore);
    }

    @Test
    void aDeliveryHoldDrawsOnTheWarehouseFirstThenOnStoresThatShipButNeverOnPickupOnlyStores() {
        // given
        f.receive(TEE, WAREHOUSE, 2);
        f.receive(TEE, LYON, 5);
        f.receive(TEE, NICE, 5);

        // when
        Http.Response response = f.hold(customer, Map.of("channel", "mobile", "ttlSeconds", 600, "reference", "cart-1",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 4))));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().get("Location")).isEqualTo("/reservations/" + response.body().get("id").asText());
        assertThat(response.body().get("status").asText()).isEqualTo("held");
        assertThat(response.body().get("expiresAt").asText()).isEqualTo(f.clock.instant().plusSeconds(600).toString());
        assertThat(response.body().get("lines")).extracting(n -> n.get("locationId").asText() + "=" + n.get("quantity"))
                .containsExactly("wh-paris=2", "store-lyon=2");
        assertThat(f.position(TEE, NICE).reserved()).isZero();
    }

    @Test
    void aClickAndCollectHoldAtAStoreMakesTheStoreChannelFigureDrop() {
        // given
        f.receive(TEE, NICE, 5);

        // when
        Http.Response held = f.hold(customer, Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 2, "locationId", NICE))));
        Http.Response atTheTill = f.http.send(Http.request("GET", "/availability", "/availability")
                .query("skus", TEE.value()).query("channel", "store").query("locationId", NICE));

        // then
        assertThat(held.status()).isEqualTo(201);
        assertThat(atTheTill.body().at("/items/0/available").asLong()).isEqualTo(3);
    }

    @Test
    void aHoldAtALocationThatDoesNotServeTheChannelIsUnprocessable() {
        // given: Lille has no click & collect and does not ship
        f.receive(TEE, LILLE, 5);

        // when
        Http.Response response = f.hold(customer, Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1, "locationId", LILLE))));

        // then
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("type").asText()).endsWith("/location-not-serving-channel");
        assertThat(f.position(TEE, LILLE).reserved()).isZero();
    }

    @Test
    void aStoreChannelHoldWithoutLocationIsHeldAtTheEmployeesStore() {
        // given
        f.receive(TEE, LILLE, 5);

        // when
        Http.Response response = f.hold(As.staff(LILLE), Map.of("channel", "store",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1))));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(f.position(TEE, LILLE).reserved()).isEqualTo(1);
    }

    @Test
    void committingSellsTheHeldUnitsAndCommittingAgainReturnsTheSameReservation() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        String id = holdTee(3);

        // when
        Http.Response first = f.commit(As.ops(), id);
        Http.Response again = f.commit(As.ops(), id);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asText()).isEqualTo("committed");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(7);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).ledger().sold()).isEqualTo(3);
    }

    @Test
    void releasingGivesTheUnitsBackAndReleasingAgainChangesNothing() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        String id = holdTee(3);

        // when
        Http.Response first = f.release(customer, id);
        Http.Response again = f.release(customer, id);
        Http.Response commitAfterRelease = f.commit(As.ops(), id);

        // then
        assertThat(first.body().get("status").asText()).isEqualTo("released");
        assertThat(again.status()).isEqualTo(200);
        assertThat(commitAfterRelease.status()).isEqualTo(409);
        assertThat(commitAfterRelease.body().get("type").asText()).endsWith("/reservation-closed");
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(10);
    }

    @Test
    void aCommittedReservationCannotBeReleased() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        String id = holdTee(1);
        f.commit(As.ops(), id);

        // when
        Http.Response release = f.release(customer, id);

        // then
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.body().get("type").asText()).endsWith("/reservation-committed");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(9);
    }

    @Test
    void anExpiredHoldCanNeverBeCommittedAndTheSweeperGivesItsUnitsBack() {
        // given
        f.receive(TEE, WAREHOUSE, 4);
        String id = holdTee(4);
        f.clock.advance(Duration.ofMinutes(16));

        // when: committed after expiry, before the sweep
        Http.Response lateCommit = f.commit(As.ops(), id);

        // then
        assertThat(lateCommit.status()).isEqualTo(409);
        assertThat(lateCommit.body().get("type").asText()).endsWith("/reservation-expired");
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(4);

        // when: the schedule fires the sweeper
        var report = new InventorySweeperHandler(f.inventory.reservations())
                .handleRequest(InventoryFixture.scheduleEvent(), LocalContext.forFunction("InventorySweeperFunction"));

        // then
        assertThat(report.expired()).isEqualTo(1);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isZero();
        assertThat(f.inventory.reservations().get(com.omnis.shared.identity.Caller.fromClaims(customer.claims()),
                        com.omnis.shared.domain.ReservationId.of(id))
                .status().code()).isEqualTo("expired");
        var expired = f.outboxEvents(StockEvents.RESERVATION_EXPIRED);
        assertThat(expired).singleElement().satisfies(e -> {
            StockEvents.ReservationExpired data = e.dataAs(StockEvents.ReservationExpired.class);
            assertThat(data.reservationId()).isEqualTo(id);
            assertThat(data.lines()).containsExactly(new StockEvents.ReservationExpired.Line(TEE.value(), WAREHOUSE, 4));
        });
        assertThat(f.outboxEvents(StockEvents.BACK_IN_STOCK)).extracting(e -> e.dataAs(StockEvents.BackInStock.class))
                .contains(new StockEvents.BackInStock(TEE.value(), Channel.WEB, 4));
    }

    @Test
    void aHoldNotYetExpiredIsLeftAloneByTheSweeper() {
        // given
        f.receive(TEE, WAREHOUSE, 4);
        holdTee(1);
        f.clock.advance(Duration.ofMinutes(14));

        // when
        int expired = f.inventory.reservations().expireDue(100, "sweep");

        // then
        assertThat(expired).isZero();
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(1);
    }

    @Test
    void someoneElsesReservationIsNotFoundButOpsSeeIt() {
        // given
        f.receive(TEE, WAREHOUSE, 4);
        String id = holdTee(1);

        // when
        Http.Response stranger = f.release(As.customer("customer-2"), id);
        Http.Response ops = f.http.send(Http.request("GET", "/reservations/{reservationId}", "/reservations/" + id)
                .path("reservationId", id).as(As.ops()));

        // then
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(ops.status()).isEqualTo(200);
        assertThat(f.position(TEE, WAREHOUSE).reserved()).isEqualTo(1);
    }

    @Test
    void safetyStockIsNotHeldOnlineButTheTillStillSellsIt() {
        // given: Lyon keeps 2 units back from web
        f.receive(TEE, LYON, 3);
        assertThat(f.configure(As.staff(LYON), TEE, LYON, Map.of("safetyStock", Map.of("web", 2))).status())
                .isEqualTo(200);

        // when
        Http.Response webHold = f.hold(customer, Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 2, "locationId", LYON))));
        Http.Response tillSale = f.move(As.staff(LYON), StockMovementsTest.key(),
                StockMovementsTest.movement("sale", TEE, LYON, 3));

        // then
        assertThat(webHold.status()).isEqualTo(409);
        assertThat(webHold.body().at("/current/shortfalls/0/available").asLong()).isEqualTo(1);
        assertThat(tillSale.status()).isEqualTo(201);
        assertThat(f.position(TEE, LYON).onHand()).isZero();
    }

    private String holdTee(int quantity) {
        Http.Response response = f.hold(customer, Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", quantity))));
        assertThat(response.status()).isEqualTo(201);
        return response.body().get("id").asText();
    }
}
