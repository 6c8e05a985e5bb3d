package com.omnis.inventory;

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
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.StockPosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class StockMovementsTest {

    private final InventoryFixture f = new InventoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aReceiptPutsUnitsOnTheShelfAndItsEventIsWrittenWithIt() {
        // when
        Http.Response response = f.http.send(Http.sample("inventory-post-movement-receipt-ops"));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().at("/positions/0/onHand").asLong()).isEqualTo(40);
        assertThat(response.body().at("/positions/0/availableByChannel/web").asLong()).isEqualTo(40);
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(40);
        assertThat(f.position(TEE, WAREHOUSE).ledger().received()).isEqualTo(40);
        DomainEvent changed = f.outboxEvents(StockEvents.STOCK_CHANGED).getFirst();
        StockEvents.StockChanged data = changed.dataAs(StockEvents.StockChanged.class);
        assertThat(data.reason()).isEqualTo("receipt");
        assertThat(data.onHand()).isEqualTo(new StockEvents.Figure(0, 40));
        assertThat(data.reference()).isEqualTo(response.body().get("movementId").asText());
    }

    @Test
    void aSaleAtTheTillTakesUnitsOffAtOnceButNeverUnitsHeldForAnotherCustomer() {
        // given: 5 at Lyon, 3 held for click & collect
        f.receive(TEE, LYON, 5);
        assertThat(f.hold(As.customer("c1"), Map.of("channel", "web",
                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 3, "locationId", LYON)))).status()).isEqualTo(201);

        // when
        Http.Response sold = f.move(As.staff(LYON), key(), movement("sale", TEE, LYON, 2));
        int outboxBefore = f.outboxItems();
        Http.Response oneTooMany = f.move(As.staff(LYON), key(), movement("sale", TEE, LYON, 1));

        // then
        assertThat(sold.status()).isEqualTo(201);
        assertThat(oneTooMany.status()).isEqualTo(409);
        assertThat(oneTooMany.contentType()).isEqualTo("application/problem+json");
        assertThat(oneTooMany.body().get("type").asText()).endsWith("/insufficient-stock");
        assertThat(oneTooMany.body().at("/current/available").asLong()).isZero();
        StockPosition lyon = f.position(TEE, LYON);
        assertThat(lyon.onHand()).isEqualTo(3);
        assertThat(lyon.reserved()).isEqualTo(3);
        assertThat(f.outboxItems()).isEqualTo(outboxBefore);
    }

    @Test
    void aCountSetsTheCountedFigureButNeverBelowTheUnitsHeld() {
        // given: 10 at the warehouse, 4 held
        f.receive(TEE, WAREHOUSE, 10);
        f.hold(As.customer("c1"), Map.of("channel", "web", "lines", List.of(Map.of("sku", TEE.value(), "quantity", 4))));

        // when
        Http.Response counted = f.move(As.ops(), key(), movement("count", TEE, WAREHOUSE, 7));
        Http.Response belowHeld = f.move(As.ops(), key(), movement("count", TEE, WAREHOUSE, 3));

        // then
        assertThat(counted.status()).isEqualTo(201);
        assertThat(belowHeld.status()).isEqualTo(409);
        assertThat(belowHeld.body().get("type").asText()).endsWith("/count-below-reserved");
        StockPosition warehouse = f.position(TEE, WAREHOUSE);
        assertThat(warehouse.onHand()).isEqualTo(7);
        assertThat(warehouse.reserved()).isEqualTo(4);
        assertThat(warehouse.ledger().counted()).isEqualTo(-3);
        assertThat(warehouse.ledger().expectedOnHand()).isEqualTo(7);
    }

    @Test
    void damagedUnitsAreWrittenOff() {
        // given
        f.receive(SHOE, WAREHOUSE, 6);

        // when
        Http.Response damaged = f.move(As.ops(), key(), Map.of("type", "damage", "sku", SHOE.value(),
                "locationId", WAREHOUSE, "quantity", 2, "reason", "crushed box"));

        // then
        assertThat(damaged.status()).isEqualTo(201);
        assertThat(f.position(SHOE, WAREHOUSE).onHand()).isEqualTo(4);
        assertThat(f.position(SHOE, WAREHOUSE).ledger().damaged()).isEqualTo(2);
    }

    @Test
    void aTransferLeavesTheSourceAtOnceIsInTransitAndArrivesWhenReceivedAtTheDestination() {
        // given
        f.receive(TEE, WAREHOUSE, 10);

        // when
        Map<String, Object> transfer = new LinkedHashMap<>(movement("transfer", TEE, WAREHOUSE, 5));
        transfer.put("toLocationId", LYON);
        Http.Response shipped = f.move(As.ops(), key(), transfer);
        String transferId = shipped.body().get("transferId").asText();

        // then: out of the warehouse, in transit to Lyon, not yet sellable there
        assertThat(shipped.status()).isEqualTo(201);
        assertThat(f.position(TEE, WAREHOUSE).onHand()).isEqualTo(5);
        assertThat(f.position(TEE, LYON).inTransit()).isEqualTo(5);
        assertThat(f.position(TEE, LYON).onHand()).isZero();

        // when: Lyon receives 3, then tries to receive 3 more
        Http.Response arrived = f.move(As.staff(LYON), key(), receiptOf(transferId, LYON, 3));
        Http.Response tooMany = f.move(As.staff(LYON), key(), receiptOf(transferId, LYON, 3));
        Http.Response wrongPlace = f.move(As.ops(), key(), receiptOf(transferId, NICE, 1));

        // then
        assertThat(arrived.status()).isEqualTo(201);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("type").asText()).endsWith("/transfer-overreceived");
        assertThat(wrongPlace.status()).isEqualTo(422);
        assertThat(wrongPlace.body().get("type").asText()).endsWith("/unknown-transfer");
        StockPosition lyon = f.position(TEE, LYON);
        assertThat(lyon.onHand()).isEqualTo(3);
        assertThat(lyon.inTransit()).isEqualTo(2);
        assertThat(lyon.ledger().transferredIn()).isEqualTo(3);
        assertThat(f.position(TEE, WAREHOUSE).ledger().transferredOut()).isEqualTo(5);
    }

    @Test
    void storeStaffMoveTheStockOfTheirOwnStoreOnlyAndCustomersNone() {
        // when
        Http.Response ownStore = f.move(As.staff(LYON), key(), movement("receipt", TEE, LYON, 2));
        Http.Response otherStore = f.move(As.staff(LYON), key(), movement("receipt", TEE, NICE, 2));
        Http.Response customer = f.move(As.customer("c1"), key(), movement("receipt", TEE, LYON, 2));
        Http.Response anonymous = f.move(As.ANONYMOUS, key(), movement("receipt", TEE, LYON, 2));

        // then
        assertThat(ownStore.status()).isEqualTo(201);
        assertThat(otherStore.status()).isEqualTo(403);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(f.position(TEE, NICE).onHand()).isZero();
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(2);
    }

    @Test
    void anUnknownLocationOrSkuIsUnprocessableAndMovesNothing() {
        // when
        Http.Response unknownLocation = f.move(As.ops(), key(), movement("receipt", TEE, "store-mars", 2));
        Http.Response unknownSku = f.move(As.ops(), key(), Map.of("type", "receipt", "sku", "NOT-IN-CATALOG",
                "locationId", WAREHOUSE, "quantity", 2));

        // then
        assertThat(unknownLocation.status()).isEqualTo(422);
        assertThat(unknownLocation.body().get("type").asText()).endsWith("/unknown-location");
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.body().get("type").asText()).endsWith("/unknown-sku");
        assertThat(f.allStockRecords()).isEmpty();
        assertThat(f.outboxItems()).isZero();
    }

    @Test
    void staffSeeTheirStoresStockAndOpsSeeEveryLocation() {
        // given
        f.receive(TEE, WAREHOUSE, 10);
        f.receive(TEE, LYON, 4);
        f.receive(TEE, NICE, 2);

        // when
        Http.Response asOps = f.http.send(Http.sample("inventory-get-sku-stock-ops"));
        Http.Response asStaff = f.http.send(Http.request("GET", "/stock/{sku}", "/stock/" + TEE.value())
                .path("sku", TEE.value()).as(As.staff(LYON)));
        Http.Response staffElsewhere = f.http.send(Http.request("GET", "/locations/{locationId}/stock",
                "/locations/" + NICE + "/stock").path("locationId", NICE).as(As.staff(LYON)));

        // then
        assertThat(asOps.body().get("locations")).extracting(n -> n.get("locationId").asText())
                .containsExactly(LYON, NICE, WAREHOUSE);
        assertThat(asStaff.body().get("locations")).extracting(n -> n.get("locationId").asText()).containsExactly(LYON);
        assertThat(staffElsewhere.status()).isEqualTo(403);
    }

    @Test
    void aLocationsStockIsListedInSkuOrderAPageAtATime() {
        // given
        f.receive(TEE, LYON, 4);
        f.receive(SHOE, LYON, 2);
        f.receive(InventoryFixture.CAP, LYON, 1);

        // when
        Http.Response first = stockAt(LYON, null);
        Http.Response second = stockAt(LYON, first.body().get("nextCursor").asText());

        // then
        assertThat(first.body().get("items")).extracting(n -> n.get("sku").asText())
                .containsExactly("CAP-RED", "SHOE-RUN-42");
        assertThat(second.body().get("items")).extracting(n -> n.get("sku").asText()).containsExactly("TEE-BLUE-M");
    }

    private Http.Response stockAt(String locationId, String cursor) {
        Http.Request request = Http.request("GET", "/locations/{locationId}/stock", "/locations/" + locationId + "/stock")
                .path("locationId", locationId).query("limit", "2").as(As.staff(locationId));
        if (cursor != null) {
            request.query("cursor", cursor);
        }
        return f.http.send(request);
    }

    public static Map<String, Object> movement(String type, com.omnis.shared.domain.Sku sku, String locationId, long quantity) {
        return Map.of("type", type, "sku", sku.value(), "locationId", locationId, "quantity", quantity);
    }

    private static Map<String, Object> receiptOf(String transferId, String locationId, long quantity) {
        return Map.of("type", "receipt", "sku", TEE.value(), "locationId", locationId, "quantity", quantity,
                "transferId", transferId);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
