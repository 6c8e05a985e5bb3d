package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.service.MessageLog;
import com.omnis.notifications.testing.NotificationsFixture;
import com.omnis.shared.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /me/messages} (sample events/api/notifications-get-my-messages.json): a customer's own log, newest first. */
class MessagesApiTest {

    private NotificationsFixture fixture;
    private MessagesHandler handler;

    @BeforeEach
    void aCustomerWithMessages() {
        fixture = new NotificationsFixture();
        fixture.customers.add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris");
        handler = new MessagesHandler(new MessageLog(fixture.store));
        fixture.deliver(event("OrderPlaced"));
        fixture.clock.set(Instant.parse("2027-01-18T21:00:00Z"));
        fixture.deliver(event("FulfilmentReadyForPickup"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theCustomerReadsWhatWasSentAndWhatWaitsAndWhy() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(sample(Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode items = Json.MAPPER.readTree(response.getBody()).path("items");
        assertThat(items).hasSize(3);
        assertThat(items.findValuesAsText("outcome")).containsExactlyInAnyOrder("sent", "sent", "deferred");
        JsonNode deferred = items.findParents("outcome").stream().filter(i -> i.path("outcome").asText().equals("deferred"))
                .findFirst().orElseThrow();
        assertThat(deferred.path("channel").asText()).isEqualTo("sms");
        assertThat(deferred.path("reason").asText()).isEqualTo("quiet-hours");
        assertThat(deferred.path("notBefore").asText()).isEqualTo("2027-01-19T07:00:00Z");
        assertThat(deferred.path("event").path("type").asText()).isEqualTo("FulfilmentReadyForPickup");
        assertThat(items.path(2).path("subject").asText()).isEqualTo("Votre commande OM-7K3QX9ZB est confirmée");
    }

    @Test
    void anotherCustomerSeesNoneOfIt() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(sample(Map.of("sub", "customer-2")), null);

        assertThat(Json.MAPPER.readTree(response.getBody()).path("items")).isEmpty();
    }

    @Test
    void staffWithoutTheCustomerGroupIsRefusedAndABadLimitIsA400() throws Exception {
        assertThat(handler.handleRequest(sample(Map.of("cognito:groups", "[store-staff]")), null).getStatusCode()).isEqualTo(403);

        APIGatewayV2HTTPEvent badLimit = sample(Map.of());
        badLimit.setQueryStringParameters(Map.of("limit", "1000"));
        APIGatewayV2HTTPResponse refused = handler.handleRequest(badLimit, null);
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void aForgedCursorIsA400() {
        APIGatewayV2HTTPEvent forged = sample(Map.of());
        forged.setQueryStringParameters(Map.of("cursor", "eyJwayI6IkNVU1RPTUVSI2N1c3RvbWVyLTIiLCJzayI6IkxPRyMxIn0"));

        assertThat(handler.handleRequest(forged, null).getStatusCode()).isEqualTo(400);
    }

    private static APIGatewayV2HTTPEvent sample(Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(Path.of(System.getProperty("omnis.repo.root", "../.."),
                "events", "api", "notifications-get-my-messages.json").toString());
        Map<String, String> merged = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        merged.putAll(claims);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(merged);
        event.setQueryStringParameters(null);
        return event;
    }
}
