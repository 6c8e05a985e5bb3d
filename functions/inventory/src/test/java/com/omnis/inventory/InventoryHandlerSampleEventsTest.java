package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.omnis.local.testing.Http;
import com.omnis.inventory.testing.InventoryFixture;
import com.omnis.local.lambda.LocalContext;
import com.omnis.shared.config.Settings;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handlers built as Lambda builds them (no-argument constructor, the template's environment)
 * answer every sample event of {@code events/api/inventory-*.json} and {@code events/schedule/}.
 */
class InventoryHandlerSampleEventsTest {

    private final InventoryFixture f = new InventoryFixture();
    private final Http lambda = new Http(Settings.withOverrides(f.environmentFor("InventoryFunction"),
            InventoryHandler::new), "InventoryFunction");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everySampleEventIsAnsweredByTheHandlerLambdaBuilds() {
        // given
        f.receive(TEE, LYON, 5);

        // when / then
        assertThat(lambda.send(Http.sample("inventory-post-movement-receipt-ops")).status()).isEqualTo(201);
        assertThat(lambda.send(Http.sample("inventory-post-movement-sale-staff")).status()).isEqualTo(201);
        assertThat(lambda.send(Http.sample("inventory-put-position-settings-ops")).status()).isEqualTo(200);
        assertThat(lambda.send(Http.sample("inventory-get-sku-stock-ops")).status()).isEqualTo(200);
        assertThat(lambda.send(Http.sample("inventory-get-location-stock-staff")).status()).isEqualTo(200);
        Http.Response availability = lambda.send(Http.sample("inventory-get-availability"));
        assertThat(availability.status()).isEqualTo(200);
        assertThat(availability.body().at("/items/0/available").asLong()).isEqualTo(40 + 4 - 2);
        assertThat(availability.body().at("/items/1/available").asLong()).isZero();

        Http.Response held = lambda.send(Http.sample("inventory-create-reservation"));
        assertThat(held.status()).isEqualTo(201);
        String id = held.body().get("id").asText();
        assertThat(lambda.send(onReservation("inventory-get-reservation", id)).status()).isEqualTo(200);
        assertThat(lambda.send(onReservation("inventory-commit-reservation", id)).status()).isEqualTo(200);
        assertThat(lambda.send(onReservation("inventory-release-reservation", id)).status()).isEqualTo(409);
        assertThat(f.position(TEE, InventoryFixture.WAREHOUSE).onHand()).isEqualTo(38);
    }

    @Test
    void theLambdaConstructorPrimesAnAvailabilityReadThatReachesDynamoAndChangesNothing() {
        // given
        f.receive(TEE, LYON, 5);
        InventoryHandler built = Settings.withOverrides(f.environmentFor("InventoryFunction"), InventoryHandler::new);
        long before = f.position(TEE, LYON).onHand();

        // when
        int succeeded = built.priming().orElseThrow().run();

        // then: the step's 200 came from the stock table (a wrong table name would be a 5xx and fail the step)
        assertThat(succeeded).isEqualTo(1);
        assertThat(f.position(TEE, LYON).onHand()).isEqualTo(before);
    }

    @Test
    void primingThatCannotReachTheStockTableIsSkippedWithoutFailing() {
        HashMap<String, String> environment = new HashMap<>(f.environmentFor("InventoryFunction"));
        environment.put("STOCK_TABLE", "no-such-table");
        InventoryHandler built = Settings.withOverrides(environment, InventoryHandler::new);

        assertThat(built.priming().orElseThrow().run()).isZero();
    }

    @Test
    void theSweeperLambdaBuildsAnswersTheScheduleEvent() {
        // given
        InventorySweeperHandler sweeper = Settings.withOverrides(f.environmentFor("InventorySweeperFunction"),
                InventorySweeperHandler::new);

        // when
        InventorySweeperHandler.Report report = sweeper.handleRequest(InventoryFixture.scheduleEvent(),
                LocalContext.forFunction("InventorySweeperFunction"));

        // then
        assertThat(report.expired()).isZero();
    }

    private static APIGatewayV2HTTPEvent onReservation(String sample, String id) {
        APIGatewayV2HTTPEvent event = Http.sample(sample);
        event.setPathParameters(new HashMap<>(event.getPathParameters()));
        event.getPathParameters().put("reservationId", id);
        return event;
    }
}
