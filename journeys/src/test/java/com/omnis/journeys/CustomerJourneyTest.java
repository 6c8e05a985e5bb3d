package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customers section of issue 9 over HTTP through the local runtime with its demo data: a seeded
 * customer sees their profile and consent history, saves a product on the phone with the price and
 * availability its product page shows, changes a consent on the web, and the relay puts the events on the bus.
 */
class CustomerJourneyTest {

    private static final String SKU = "SHOE-RUN-42";
    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    @Test
    void aSeededCustomerSavesOnThePhoneWhatTheProductPageShowsAndChangesAConsentOnTheWeb() throws Exception {
        String lucia = DevTokens.customer("customer-2");

        // given: the demo profile and the consent she withdrew
        JsonNode me = send("GET", "/me", null, lucia, 200, "mobile");
        assertThat(me.path("locale").asText()).isEqualTo("es");
        assertThat(me.path("timeZone").asText()).isEqualTo("Atlantic/Canary");
        JsonNode consents = send("GET", "/me/consents", null, lucia, 200, "web");
        assertThat(consents.path("history")).hasSize(3);
        assertThat(consents.path("history").path(0).path("granted").asBoolean()).isFalse();

        // when: she saves the running shoe on the phone
        JsonNode page = send("GET", "/products/" + SKU, null, null, 200, "mobile");
        JsonNode saved = send("PUT", "/me/saved-items/" + SKU, null, lucia, 201, "mobile");

        // then: it keeps what the product page showed
        assertThat(saved.path("priceWhenSaved")).isEqualTo(page.path("effectivePrice"));
        assertThat(saved.path("availableWhenSaved").asLong()).isEqualTo(page.path("availability").path("available").asLong());
        assertThat(send("GET", "/me/saved-items", null, lucia, 200, "web").path("items").findValuesAsText("sku"))
                .contains(SKU);

        // when: she opts back in to marketing emails on the web
        JsonNode granted = send("PUT", "/me/consents", """
                {"purpose": "marketing", "channel": "email", "granted": true, "wordingVersion": "marketing-email-2026-06"}""",
                lucia, 200, "web");
        assertThat(granted.path("sequence").asLong()).isEqualTo(4);

        // then: the relay put both events on the bus
        assertThat(awaitBusEvents("customer/customer-2/", 2)).contains("ItemSaved", "ConsentChanged");
    }

    @Test
    void onlyACustomerReachesTheirRecord() throws Exception {
        assertThat(send("GET", "/me", null, DevTokens.customer("customer-3"), 200, null).path("locale").asText())
                .isEqualTo("en");
        send("GET", "/me", null, DevTokens.forSubject("agent-7").groups("agent").sign(), 403, null);
        send("GET", "/me/saved-items", null, null, 401, null);
    }

    private static List<String> awaitBusEvents(String subjectPrefix, int count) throws Exception {
        List<String> types = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            types.clear();
            for (JsonNode event : send("GET", "/_local/events", null, null, 200, null).path("events")) {
                if (event.path("detail").path("subject").asText().startsWith(subjectPrefix)) {
                    types.add(event.path("detail-type").asText());
                }
            }
            if (types.size() >= count) {
                return types;
            }
            Thread.sleep(250);
        }
        return types;
    }

    private static JsonNode send(String method, String path, String body, String token, int expected, String channel)
            throws Exception {
        return RUNTIME.send(method, path, body, token, channel, Map.of(), expected);
    }
}
