package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call each route of the customers function (docs/customer-360.md, "Who may call what"): the
 * customer reaches only their own record through {@code /me}; an agent any customer's through
 * {@code /customers/{id}} and the search; store staff only record a contact; ops see no personal data;
 * nobody unauthenticated gets anything. Every cell of the matrix is one call through the real handler.
 */
class CustomersAccessMatrixTest {

    private static final String SELF = "customer-42";
    private static final Map<String, As> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("customer", As.customer(SELF));
        ROLES.put("agent", As.agent("agent-7"));
        ROLES.put("staff", As.staff("store-lyon"));
        ROLES.put("ops", As.ops());
        ROLES.put("anonymous", As.ANONYMOUS);
    }

    /** A route, a request for it, and the status each role gets (2xx written as 200 for "allowed"). */
    record Route(String name, java.util.function.Supplier<Http.Request> request, Map<String, Integer> expected) {
    }

    private static CustomersFixture f;
    private static String ownRequestId;

    @BeforeAll
    static void aCustomerWithARecord() {
        f = new CustomersFixture();
        assertThat(f.patchMe(As.customer(SELF), Map.of("name", "Camille Martin", "email", "camille@example.fr",
                "phone", "+33612345678")).status()).isEqualTo(200);
        ownRequestId = f.http.send(Http.request("POST", "/me/privacy-requests", "/me/privacy-requests")
                .as(As.customer(SELF)).json(Map.of("type", "export"))).body().get("requestId").asText();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static Map<String, Integer> only(String... allowed) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        ROLES.keySet().forEach(role -> expected.put(role, role.equals("anonymous") ? 401 : 403));
        for (String role : allowed) {
            expected.put(role, 200);
        }
        return expected;
    }

    private static Http.Request call(String method, String route, String path) {
        return Http.request(method, route, path).header("X-Channel", "web");
    }

    private static List<Route> routes() {
        String c = "/customers/" + SELF;
        return List.of(
                new Route("GET /me", () -> call("GET", "/me", "/me"), only("customer")),
                new Route("PATCH /me", () -> call("PATCH", "/me", "/me").json(Map.of("name", "Camille Martin")), only("customer")),
                new Route("GET /me/consents", () -> call("GET", "/me/consents", "/me/consents"), only("customer")),
                new Route("PUT /me/consents", () -> call("PUT", "/me/consents", "/me/consents").json(Map.of("purpose",
                        "marketing", "channel", "sms", "granted", false, "wordingVersion", "m-1")), only("customer")),
                new Route("GET /me/saved-items", () -> call("GET", "/me/saved-items", "/me/saved-items"), only("customer")),
                new Route("GET /me/timeline", () -> call("GET", "/me/timeline", "/me/timeline"), only("customer")),
                new Route("GET /me/privacy-requests/{id}", () -> call("GET", "/me/privacy-requests/{requestId}",
                        "/me/privacy-requests/" + ownRequestId).path("requestId", ownRequestId), only("customer")),
                new Route("POST /me/privacy-requests", () -> call("POST", "/me/privacy-requests", "/me/privacy-requests")
                        .json(Map.of("type", "export")), only("customer")),
                new Route("GET /agent/customers", () -> call("GET", "/agent/customers", "/agent/customers")
                        .query("email", "camille@example.fr"), only("agent")),
                new Route("GET /customers/{id}", () -> call("GET", "/customers/{customerId}", c)
                        .path("customerId", SELF), only("agent")),
                new Route("GET /customers/{id}/timeline", () -> call("GET", "/customers/{customerId}/timeline",
                        c + "/timeline").path("customerId", SELF), only("agent")),
                new Route("POST /customers/{id}/privacy-requests", () -> call("POST", "/customers/{customerId}/privacy-requests",
                        c + "/privacy-requests").path("customerId", SELF).json(Map.of("type", "export")), only("agent")),
                new Route("POST /customers/{id}/interactions", () -> call("POST", "/customers/{customerId}/interactions",
                        c + "/interactions").path("customerId", SELF).json(Map.of("channel", "store", "reason", "Pickup",
                        "summary", "collected an order", "outcome", "resolved")), only("agent", "staff")));
    }

    @TestFactory
    List<DynamicTest> eachRoleGetsWhatTheMatrixSaysAndARefusalIsAProblem() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Route route : routes()) {
            route.expected().forEach((role, status) -> cells.add(DynamicTest.dynamicTest(route.name() + " as " + role, () -> {
                Http.Response answer = f.http.send(route.request().get().as(ROLES.get(role)));
                if (status == 200) {
                    assertThat(answer.status()).as("%s as %s: %s", route.name(), role, answer.body()).isBetween(200, 299);
                } else {
                    assertThat(answer.status()).as("%s as %s: %s", route.name(), role, answer.body()).isEqualTo(status);
                    assertThat(answer.contentType()).isEqualTo("application/problem+json");
                }
            })));
        }
        return cells;
    }

    @TestFactory
    List<DynamicTest> anotherCustomerReachesNothingOfHers() {
        As stranger = As.customer("customer-99");
        return List.of(
                DynamicTest.dynamicTest("her privacy request", () -> assertThat(f.http.send(call("GET",
                        "/me/privacy-requests/{requestId}", "/me/privacy-requests/" + ownRequestId)
                        .path("requestId", ownRequestId).as(stranger)).status()).isEqualTo(404)),
                DynamicTest.dynamicTest("her 360 view", () -> assertThat(f.http.send(call("GET", "/customers/{customerId}",
                        "/customers/" + SELF).path("customerId", SELF).as(stranger)).status()).isEqualTo(403)),
                DynamicTest.dynamicTest("an erasure of her", () -> assertThat(f.http.send(call("POST",
                        "/customers/{customerId}/privacy-requests", "/customers/" + SELF + "/privacy-requests")
                        .path("customerId", SELF).as(stranger).json(Map.of("type", "erasure"))).status()).isEqualTo(403)));
    }
}
