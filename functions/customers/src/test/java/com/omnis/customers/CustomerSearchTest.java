package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /agent/customers}: the call centre finds a customer by email or phone, from an index. */
class CustomerSearchTest {

    private static final As AGENT = As.agent("agent-7");
    private static final As CAMILLE = As.customer("customer-42");
    private static final As LUCIA = As.customer("customer-77");

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void twoCustomers() {
        f.getMe(CAMILLE);
        assertThat(f.patchMe(CAMILLE, Map.of("name", "Camille Martin", "email", "camille@example.fr",
                "phone", "+33612345678")).status()).isEqualTo(200);
        f.getMe(LUCIA);
        assertThat(f.patchMe(LUCIA, Map.of("name", "Lucia Garcia", "email", "lucia@example.es",
                "phone", "+34612345678")).status()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anAgentFindsTheCustomerByTheEmailTheyGiveInAnyCase() {
        Http.Response found = search(AGENT, "email", "  Camille@EXAMPLE.fr ");

        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found)).containsExactly("customer-42");
        assertThat(found.body().get("customers").get(0).get("name").asText()).isEqualTo("Camille Martin");
    }

    @Test
    void anAgentFindsTheCustomerByThePhoneNumberAsItIsSaidOnTheLine() {
        for (String typed : List.of("+33612345678", "+33 6 12 34 56 78", "0033-6-12-34-56-78", "(+33) 612.345.678")) {
            assertThat(ids(search(AGENT, "phone", typed))).as(typed).containsExactly("customer-42");
        }
        assertThat(ids(search(AGENT, "phone", "+34 612 345 678"))).containsExactly("customer-77");
    }

    @Test
    void aContactNobodyHoldsIsAnEmptyListAndCreatesNothing() {
        int before = f.customerItems().size();

        Http.Response found = search(AGENT, "email", "nobody@example.com");

        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found)).isEmpty();
        assertThat(f.customerItems()).hasSize(before);
    }

    @Test
    void aContactThatIsNotAnEmailOrAPhoneNumberIsRefusedNamingTheField() {
        Http.Response badEmail = search(AGENT, "email", "not-an-email");
        Http.Response nationalNumber = search(AGENT, "phone", "06 12 34 56 78");

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().toString()).contains("email");
        assertThat(nationalNumber.status()).isEqualTo(400);
        assertThat(nationalNumber.body().toString()).contains("phone").contains("E.164");
    }

    @Test
    void anAgentFindsCustomersByTheBeginningOfTheirNameWhateverTheAccentsAndCase() {
        f.getMe(As.customer("customer-90"));
        f.patchMe(As.customer("customer-90"), Map.of("name", "Élodie Dupré-Léger"));
        f.getMe(As.customer("customer-91"));
        f.patchMe(As.customer("customer-91"), Map.of("name", "Camille Dubois"));

        assertThat(ids(search(AGENT, "name", "camille"))).containsExactly("customer-91", "customer-42");
        assertThat(ids(search(AGENT, "name", "CAMILLE M"))).containsExactly("customer-42");
        assertThat(ids(search(AGENT, "name", "elodie dupre l"))).containsExactly("customer-90");
        assertThat(ids(search(AGENT, "name", "Élo"))).containsExactly("customer-90");
        assertThat(ids(search(AGENT, "name", "zz"))).isEmpty();
    }

    @Test
    void aNamePrefixOfOneLetterWouldReadTooMuchAndIsA400() {
        Http.Response tooShort = search(AGENT, "name", " é ");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().toString()).contains("at least 2 letters");
    }

    @Test
    void exactlyOneContactIsAsked() {
        Http.Response none = f.http.send(Http.request("GET", "/agent/customers", "/agent/customers").as(AGENT));
        Http.Response both = f.http.send(Http.request("GET", "/agent/customers", "/agent/customers").as(AGENT)
                .query("email", "camille@example.fr").query("phone", "+33612345678"));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().toString()).contains("exactly one of email, phone, name, orderNumber");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void onlyAgentsSearchCustomers() {
        assertThat(search(null, "email", "camille@example.fr").status()).isEqualTo(401);
        assertThat(search(LUCIA, "email", "camille@example.fr").status()).isEqualTo(403);
        assertThat(search(As.staff("store-lyon"), "phone", "+33612345678").status()).isEqualTo(403);
        assertThat(search(As.ops(), "phone", "+33612345678").status()).isEqualTo(403);
    }

    private Http.Response search(As as, String field, String value) {
        Http.Request request = Http.request("GET", "/agent/customers", "/agent/customers").query(field, value);
        return f.http.send(as == null ? request : request.as(as));
    }

    private static List<String> ids(Http.Response response) {
        JsonNode customers = response.body().get("customers");
        return StreamSupport.stream(customers.spliterator(), false).map(c -> c.get("customerId").asText()).toList();
    }
}
