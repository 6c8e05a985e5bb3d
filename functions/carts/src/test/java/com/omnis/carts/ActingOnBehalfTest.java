package com.omnis.carts;

import static com.omnis.carts.CartsFixture.SHOES;
import static com.omnis.carts.CartsFixture.SOCKS;
import static com.omnis.carts.CartsFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartOwner;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A call-centre agent on a customer's cart (docs/acting-on-behalf.md), through the carts function on DynamoDB Local. */
class ActingOnBehalfTest {

    private static final String AGENT = "agent-7";

    private final CartsFixture fixture = new CartsFixture();

    @AfterEach
    void dropTables() {
        fixture.close();
    }

    private static SampleEvent asAgent(String sample) {
        return SampleEvent.of(sample).claims(AGENT, "[agent]");
    }

    private String customerStartsACartOnTheWeb() {
        String id = json(fixture.call(SampleEvent.of("carts-create-customer")
                .header("authorization", CartsFixture.bearer("customer-1")))).get("id").asText();
        APIGatewayV2HTTPResponse added = fixture.call(SampleEvent.of("carts-add-item").cart(id, null)
                .header("authorization", CartsFixture.bearer("customer-1")).header("x-channel", "web"));
        assertThat(added.getStatusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void theAgentsFirstAddOpensTheCustomersCartOnCallCenterAndTheTrailNamesBoth() {
        // given
        fixture.knownCustomer("customer-1");

        // when
        APIGatewayV2HTTPResponse response = fixture.call(asAgent("carts-add-item-for-customer"));

        // then
        JsonNode cart = json(response);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(cart.get("customerId").asText()).isEqualTo("customer-1");
        assertThat(cart.get("lines").findValuesAsText("sku")).containsExactly(SHOES);
        assertThat(cart.get("channels").findValuesAsText("channel")).containsExactly("call-center");
        assertThat(Json.MAPPER.convertValue(cart.get("agents"), List.class)).containsExactly(AGENT);
        assertThat(cart.get("lastChangedBy").get("kind").asText()).isEqualTo("agent");
        assertThat(cart.get("lastChangedBy").get("id").asText()).isEqualTo(AGENT);

        Cart stored = fixture.carts.findCustomerCart(CustomerId.of("customer-1")).orElseThrow();
        assertThat(stored.id().value()).isEqualTo(cart.get("id").asText());
        assertThat(stored.owner()).isEqualTo(new CartOwner.Customer(CustomerId.of("customer-1")));
        assertThat(stored.trail().agents()).containsExactly(AGENT);
        assertThat(stored.trail().lastChangedBy()).contains(new Actor(Actor.Kind.AGENT, AGENT));
        APIGatewayV2HTTPResponse mine = fixture.call(SampleEvent.of("carts-get-my-cart").claimsOf("customer-1"));
        assertThat(json(mine).get("id").asText()).as("the customer finds the cart the agent filled")
                .isEqualTo(stored.id().value());
    }

    @Test
    void theAgentEditsTheCartTheCustomerStartedAndTheCustomerCarriesOn() {
        // given
        fixture.knownCustomer("customer-1");
        String id = customerStartsACartOnTheWeb();

        // when
        APIGatewayV2HTTPResponse read = fixture.call(asAgent("carts-get-customer-cart"));
        APIGatewayV2HTTPResponse added = fixture.call(asAgent("carts-add-item-for-customer")
                .body("{\"sku\":\"" + SOCKS + "\",\"quantity\":2}"));
        APIGatewayV2HTTPResponse changed = fixture.call(asAgent("carts-change-item-for-customer").header("if-match", "\"3\""));
        Cart afterAgent = fixture.stored(id);
        APIGatewayV2HTTPResponse customerAgain = fixture.call(SampleEvent.of("carts-remove-item").cart(id, null)
                .path("sku", SOCKS).header("authorization", CartsFixture.bearer("customer-1")));

        // then
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).get("id").asText()).isEqualTo(id);
        assertThat(added.getStatusCode()).isEqualTo(200);
        assertThat(json(added).get("id").asText()).as("the customer's cart, not a new one").isEqualTo(id);
        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(changed.getHeaders()).containsEntry("ETag", "\"4\"");
        assertThat(afterAgent.line(com.omnis.shared.domain.Sku.of(SHOES)).orElseThrow().quantity().value()).isEqualTo(2);
        assertThat(afterAgent.channels()).extracting(ChannelVisit::channel).containsExactly(Channel.WEB, Channel.CALL_CENTER);
        assertThat(afterAgent.trail().lastChangedBy()).contains(new Actor(Actor.Kind.AGENT, AGENT));

        assertThat(customerAgain.getStatusCode()).isEqualTo(200);
        Cart after = fixture.stored(id);
        assertThat(after.trail().lastChangedBy()).contains(Actor.customer(CustomerId.of("customer-1")));
        assertThat(after.trail().agents()).as("the agents who acted stay on the trail").containsExactly(AGENT);
        assertThat(after.owner()).isEqualTo(new CartOwner.Customer(CustomerId.of("customer-1")));
    }

    @Test
    void theAgentRemovesALineOfTheCustomersCart() {
        // given
        fixture.knownCustomer("customer-1");
        String id = customerStartsACartOnTheWeb();

        // when
        APIGatewayV2HTTPResponse removed = fixture.call(asAgent("carts-remove-item-for-customer"));

        // then
        assertThat(removed.getStatusCode()).isEqualTo(200);
        assertThat(json(removed).get("lines").size()).isZero();
        assertThat(fixture.stored(id).lines()).isEmpty();
    }

    @Test
    void aCustomerWithNoActiveCartIsA404ForReadsAndChanges() {
        // given
        fixture.knownCustomer("customer-1");

        // when
        APIGatewayV2HTTPResponse read = fixture.call(asAgent("carts-get-customer-cart"));
        APIGatewayV2HTTPResponse changed = fixture.call(asAgent("carts-change-item-for-customer"));

        // then
        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(changed.getStatusCode()).isEqualTo(404);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1"))).as("no cart opened by a change").isEmpty();
    }

    @Test
    void anAgentActsOnCallCenterOnly() {
        // given
        fixture.knownCustomer("customer-1");

        // when
        APIGatewayV2HTTPResponse onWeb = fixture.call(asAgent("carts-add-item-for-customer").header("x-channel", "web"));
        APIGatewayV2HTTPResponse noHeader = fixture.call(asAgent("carts-add-item-for-customer").without("x-channel"));

        // then
        assertThat(onWeb.getStatusCode()).isEqualTo(400);
        assertThat(onWeb.getBody()).contains("X-Channel");
        assertThat(noHeader.getStatusCode()).isEqualTo(200);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-1")).orElseThrow().channels())
                .extracting(ChannelVisit::channel).containsExactly(Channel.CALL_CENTER);
    }

    static Stream<String> agentRoutes() {
        return Stream.of("carts-get-customer-cart", "carts-add-item-for-customer", "carts-change-item-for-customer",
                "carts-remove-item-for-customer", "carts-send-to-customer");
    }

    record Refusal(String who, UnaryOperator<SampleEvent> caller, int status) {
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        List<Refusal> callers = List.of(
                new Refusal("another customer", e -> e.claims("customer-2", "[customer]"), 403),
                new Refusal("the customer themselves", e -> e.claims("customer-1", "[customer]"), 403),
                new Refusal("store staff", e -> e.claims("staff-9", "[store-staff]"), 403),
                new Refusal("an agent who is also store staff", e -> e.claims(AGENT, "[agent store-staff]"), 403),
                new Refusal("an agent who is also a customer", e -> e.claims(AGENT, "[agent customer]"), 403),
                new Refusal("ops", e -> e.claims("ops-1", "[ops]"), 403),
                new Refusal("nobody signed in", SampleEvent::anonymous, 401),
                new Refusal("an agent for an unknown customer", e -> e.claims(AGENT, "[agent]")
                        .path("customerId", "customer-404"), 404),
                new Refusal("an agent for an id no customer can have", e -> e.claims(AGENT, "[agent]")
                        .path("customerId", "not#an#id"), 404));
        return agentRoutes().flatMap(route -> callers.stream()
                .map(refusal -> org.junit.jupiter.params.provider.Arguments.of(route, refusal.who(), refusal)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("refusals")
    void everyAgentRouteRefusesEveryoneButAnAgentForAKnownCustomer(String route, String who, Refusal refusal) {
        // given
        fixture.knownCustomer("customer-1");
        fixture.knownCustomer("customer-2");
        String id = customerStartsACartOnTheWeb();
        long version = fixture.stored(id).version();

        // when
        APIGatewayV2HTTPResponse response = fixture.call(refusal.caller().apply(SampleEvent.of(route)));

        // then
        assertThat(response.getStatusCode()).isEqualTo(refusal.status());
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(refusal.status());
        assertThat(fixture.stored(id).version()).as("nothing changed").isEqualTo(version);
        assertThat(fixture.carts.findCustomerCart(CustomerId.of("customer-2"))).isEmpty();
        assertThat(fixture.outboxEvents()).isEmpty();
    }

    @Test
    void theAgentSendsTheCartBackAndOnlyAnEventLeavesWithNoAddressInIt() {
        // given
        fixture.knownCustomer("customer-1");
        String id = customerStartsACartOnTheWeb();
        long version = fixture.stored(id).version();

        // when
        APIGatewayV2HTTPResponse sent = fixture.call(asAgent("carts-send-to-customer").body("{\"channel\":\"sms\"}"));

        // then
        assertThat(sent.getStatusCode()).isEqualTo(202);
        assertThat(json(sent).get("linkPath").asText()).isEqualTo("/cart/" + id);
        List<DomainEvent> events = fixture.outboxEvents();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("CartSentToCustomer");
            assertThat(event.source()).isEqualTo("omnis.carts");
            assertThat(event.id()).isEqualTo(json(sent).get("eventId").asText());
            JsonNode data = event.data();
            assertThat(data.get("customerId").asText()).isEqualTo("customer-1");
            assertThat(data.get("cartId").asText()).isEqualTo(id);
            assertThat(data.get("channel").asText()).isEqualTo("sms");
            assertThat(data.get("agentId").asText()).isEqualTo(AGENT);
            assertThat(data.get("actor").get("kind").asText()).isEqualTo("agent");
            assertThat(data.get("touchpoint").asText()).isEqualTo("call-center");
            assertThat(data.get("linkPath").asText()).isEqualTo("/cart/" + id);
            assertThat(data.toString()).doesNotContain("@example.com").doesNotContain("+33612345678");
        });
        assertThat(fixture.stored(id).version()).as("sending changes nothing of the cart").isEqualTo(version);
    }

    @Test
    void aCartIsSentByEmailOrSmsOnlyAndNeverEmpty() {
        // given
        fixture.knownCustomer("customer-1");
        fixture.call(asAgent("carts-add-item-for-customer"));
        fixture.call(asAgent("carts-remove-item-for-customer"));

        // when
        APIGatewayV2HTTPResponse empty = fixture.call(asAgent("carts-send-to-customer"));
        APIGatewayV2HTTPResponse byFax = fixture.call(asAgent("carts-send-to-customer").body("{\"channel\":\"fax\"}"));
        APIGatewayV2HTTPResponse noChannel = fixture.call(asAgent("carts-send-to-customer").body("{}"));

        // then
        assertThat(empty.getStatusCode()).isEqualTo(422);
        assertThat(json(empty).get("type").asText()).endsWith("empty-cart");
        assertThat(byFax.getStatusCode()).isEqualTo(400);
        assertThat(noChannel.getStatusCode()).isEqualTo(400);
        assertThat(fixture.outboxEvents()).isEmpty();
    }

    @Test
    void aCustomerWithNoCartHasNothingToSend() {
        // given
        fixture.knownCustomer("customer-1");

        // when
        APIGatewayV2HTTPResponse sent = fixture.call(asAgent("carts-send-to-customer"));

        // then
        assertThat(sent.getStatusCode()).isEqualTo(404);
        assertThat(fixture.outboxEvents()).isEmpty();
        assertThat(Optional.ofNullable(json(sent).get("detail")).map(JsonNode::asText).orElse(""))
                .contains("no active cart");
    }
}
