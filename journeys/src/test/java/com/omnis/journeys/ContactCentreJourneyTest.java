package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import com.omnis.shared.identity.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's "done means", end to end through the local runtime and its demo data, no event published by
 * hand: Oliver (customer-3) fills a cart on his phone and calls the contact centre; the agent finds him by
 * his phone number as he says it, sees the cart and his orders in one call, fixes the cart, records the
 * call and sends the cart back by email; Oliver opens the link's cart on the web and pays; the timeline
 * shows who did what; then Oliver exports his data and asks for erasure, which waits for the dispute window.
 */
class ContactCentreJourneyTest {

    private static final String OLIVER = "customer-3";
    private static final String SHOE = "SHOE-RUN-42";
    private static final String SOCKS = "SOCKS-RUN-3P";
    private static final String STORE = "store-paris-opera";

    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    @Test
    void aCallThatStartsAPurchaseEndsWithTheCustomerPayingOnTheWebThenHisDataIsExportedAndErasureWaits()
            throws Exception {
        String oliver = DevTokens.customer(OLIVER);
        String agent = DevTokens.forSubject("agent-ana").groups(Caller.AGENT).sign();

        // given: an earlier order on the web, and two pairs of shoes in a cart on his phone
        String earlierCart = send("POST", "/carts", null, oliver, "web", 201).path("id").asText();
        send("POST", "/carts/" + earlierCart + "/items", item(SOCKS, 1), oliver, "web", 200);
        String earlier = checkout(earlierCart, oliver, "web").path("number").asText();
        String cartId = send("POST", "/carts", null, oliver, "mobile", 201).path("id").asText();
        send("POST", "/carts/" + cartId + "/items", item(SHOE, 2), oliver, "mobile", 200);

        // when: he calls; the agent types the number as he says it
        JsonNode found = send("GET", "/agent/customers?phone=%2B44%207700%20900123", null, agent, null, 200);

        // then: one customer, and one call shows his cart (started on the phone) and his orders
        assertThat(found.path("customers").findValuesAsText("customerId")).containsExactly(OLIVER);
        JsonNode screen = send("GET", "/customers/" + OLIVER, null, agent, null, 200);
        assertThat(screen.path("activeCart").path("cartId").asText()).isEqualTo(cartId);
        assertThat(screen.path("activeCart").path("startedOn").asText()).isEqualTo("mobile");
        assertThat(screen.path("activeCart").path("lines").findValuesAsText("sku")).containsExactly(SHOE);
        assertThat(screen.path("orders").findValuesAsText("number")).contains(earlier);

        // when: the agent fixes the cart (one pair, and socks), records the call and sends the cart back by email
        send("PATCH", "/customers/" + OLIVER + "/cart/items/" + SHOE, "{\"quantity\": 1}", agent, null, 200);
        send("POST", "/customers/" + OLIVER + "/cart/items", item(SOCKS, 1), agent, null, 200);
        send("POST", "/customers/" + OLIVER + "/interactions", """
                {"channel": "phone", "reason": "Sizing", "summary": "one pair instead of two, socks added",
                 "outcome": "resolved"}""", agent, null, 201);
        send("POST", "/customers/" + OLIVER + "/cart/send", "{\"channel\": \"email\"}", agent, null, 202);

        // then: an email reaches him with a link that opens that very cart
        JsonNode email = awaitEmail("oliver.bennett@example.co.uk", "/cart/" + cartId);
        assertThat(email.path("body").asText()).contains("/cart/" + cartId);

        // when: he opens it on the web and pays
        JsonNode cart = send("GET", "/carts/" + cartId, null, oliver, "web", 200);
        assertThat(cart.path("lines").findValuesAsText("sku")).containsExactlyInAnyOrder(SHOE, SOCKS);
        JsonNode order = checkout(cartId, oliver, "web");

        // then: the order is his, placed by him on the web; the cart's trail names the agent too
        assertThat(order.path("channel").asText()).isEqualTo("web");
        assertThat(order.path("placedBy").path("subject").asText()).isEqualTo(OLIVER);
        // and: the timeline tells who did what: the agent's call and cart sent, his order
        JsonNode timeline = awaitTimeline(agent, "CartSentToCustomer", "InteractionRecorded", "OrderPlaced");
        JsonNode sent = facts(timeline, "CartSentToCustomer");
        assertThat(sent.path("actor").path("kind").asText()).isEqualTo("agent");
        assertThat(sent.path("actor").path("id").asText()).isEqualTo("agent-ana");

        // when: he exports his data, then asks for erasure
        JsonNode exported = send("POST", "/me/privacy-requests", "{\"type\": \"export\"}", oliver, "web", 201);
        JsonNode document = send("GET", "/me/privacy-requests/" + exported.path("requestId").asText(), null, oliver,
                "web", 200).path("document");
        JsonNode erasure = send("POST", "/me/privacy-requests", "{\"type\": \"erasure\"}", oliver, "web", 202);

        // then: the export has his orders, carts, messages and the call; the erasure waits and says until when
        assertThat(document.path("orders").findValuesAsText("number")).contains(earlier, order.path("number").asText());
        assertThat(document.path("carts").findValuesAsText("cartId")).contains(cartId);
        assertThat(document.path("messages").size()).isPositive();
        assertThat(document.path("interactions").findValuesAsText("reason")).contains("Sizing");
        assertThat(erasure.path("state").asText()).isEqualTo("waiting");
        assertThat(erasure.path("waitingFor").findValuesAsText("reason")).contains("order-open");
    }

    private static String item(String sku, int quantity) {
        return "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}";
    }

    private static JsonNode checkout(String cartId, String token, String channel) throws Exception {
        return RUNTIME.send("POST", "/orders", """
                {"cartId": "%s", "fulfilment": {"method": "pickup", "locationId": "%s"},
                 "payment": {"method": "card", "reference": "pay-%s"}}""".formatted(cartId, STORE, UUID.randomUUID()),
                token, channel, Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID()), 201);
    }

    private static JsonNode awaitEmail(String to, String containing) throws Exception {
        return RUNTIME.awaitSentMessage("email to " + to + " with " + containing,
                message -> message.path("channel").asText("email").equals("email")
                        && message.path("to").asText().equals(to) && message.path("body").asText().contains(containing));
    }

    private static JsonNode awaitTimeline(String agent, String... types) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode page = null;
        while (Instant.now().isBefore(deadline)) {
            page = send("GET", "/customers/" + OLIVER + "/timeline", null, agent, null, 200);
            if (page.path("items").findValuesAsText("type").containsAll(java.util.List.of(types))) {
                return page;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the timeline lacks one of " + String.join(", ", types) + " after 30 s: " + page);
    }

    private static JsonNode facts(JsonNode timeline, String type) {
        for (JsonNode item : timeline.path("items")) {
            if (item.path("type").asText().equals(type)) {
                return item;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static JsonNode send(String method, String path, String body, String token, String channel, int expected)
            throws Exception {
        return RUNTIME.send(method, path, body, token, channel, Map.of(), expected);
    }
}
