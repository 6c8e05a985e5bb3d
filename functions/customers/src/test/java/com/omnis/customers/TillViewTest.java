package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /store/customers}: the till finds a customer for a pickup or a return, and sees nothing else. */
class TillViewTest {

    private static final As STAFF = As.staff("store-lyon-bellecour");
    private static final As CAMILLE = As.customer("customer-42");

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aCustomerWithAnOrder() {
        f.getMe(CAMILLE);
        assertThat(f.patchMe(CAMILLE, Map.of("name", "Camille Martin", "email", "camille@example.fr",
                "phone", "+33612345678")).status()).isEqualTo(200);
        f.order("order-1", "OM-7NAYE9TD", "completed", Instant.now(), List.of());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void staffFindTheCustomerByOrderNumberWithANameAndThatOrderOnly() {
        Http.Response found = till(STAFF, "orderNumber", "om-7naye9td");

        assertThat(found.status()).isEqualTo(200);
        JsonNode customer = found.body().get("customers").get(0);
        assertThat(customer.get("customerId").asText()).isEqualTo("customer-42");
        assertThat(customer.get("displayName").asText()).isEqualTo("Camille M.");
        assertThat(customer.get("orders")).hasSize(1);
        assertThat(customer.get("orders").get(0).get("number").asText()).isEqualTo("OM-7NAYE9TD");
        assertThat(found.body().toString()).doesNotContain("camille@example.fr").doesNotContain("+33612345678")
                .doesNotContain("consent").doesNotContain("timeline");
    }

    @Test
    void staffFindTheCustomerByPhoneInAnyCommonFormat() {
        Http.Response found = till(STAFF, "phone", "+33 6 12 34 56 78");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("customers").get(0).get("customerId").asText()).isEqualTo("customer-42");
    }

    @Test
    void customersAgentsAndOpsAreRefusedAndAnonymousIsUnauthenticated() {
        assertThat(till(CAMILLE, "phone", "+33612345678").status()).isEqualTo(403);
        assertThat(till(As.agent("agent-7"), "phone", "+33612345678").status()).isEqualTo(403);
        assertThat(till(As.ops(), "phone", "+33612345678").status()).isEqualTo(403);
        assertThat(f.http.send(Http.request("GET", "/store/customers", "/store/customers")
                .query("phone", "+33612345678")).status()).isEqualTo(401);
    }

    @Test
    void noneOrBothParametersOrAMalformedPhoneAreA400NamingTheField() {
        Http.Response none = f.http.send(Http.request("GET", "/store/customers", "/store/customers").as(STAFF));
        Http.Response both = f.http.send(Http.request("GET", "/store/customers", "/store/customers").as(STAFF)
                .query("phone", "+33612345678").query("orderNumber", "OM-7NAYE9TD"));
        Http.Response badPhone = till(STAFF, "phone", "06 12 34 56 78");

        assertThat(none.status()).isEqualTo(400);
        assertThat(both.status()).isEqualTo(400);
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().toString()).contains("phone");
        assertThat(badPhone.contentType()).isEqualTo("application/problem+json");
    }

    private Http.Response till(As as, String name, String value) {
        return f.http.send(Http.request("GET", "/store/customers", "/store/customers").as(as).query(name, value));
    }
}
