package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.shared.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler built as Lambda builds it (no-argument constructor, the template's environment) answers
 * every sample event of {@code events/api/customers-*.json}.
 */
class CustomersHandlerSampleEventsTest {

    private final CustomersFixture f = new CustomersFixture();
    private final Http lambda = new Http(Settings.withOverrides(f.tables, CustomersHandler::new), "CustomersFunction");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everySampleEventIsAnsweredByTheHandlerLambdaBuilds() {
        Http.Response me = lambda.send(Http.sample("customers-get-me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asText()).isEqualTo("camille.martin@example.fr");
        assertThat(me.body().get("locale").asText()).isEqualTo("fr");

        Http.Response patched = lambda.send(Http.sample("customers-patch-me"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("timeZone").asText()).isEqualTo("Europe/Paris");

        assertThat(lambda.send(Http.sample("customers-put-consent")).status()).isEqualTo(200);
        assertThat(lambda.send(Http.sample("customers-get-consents")).body().get("history")).hasSize(1);
        assertThat(lambda.send(Http.sample("customers-put-saved-item")).status()).isEqualTo(201);
        assertThat(lambda.send(Http.sample("customers-get-saved-items")).body().get("items")).hasSize(1);
        assertThat(lambda.send(Http.sample("customers-delete-saved-item")).status()).isEqualTo(204);
        assertThat(f.outboxEvents()).hasSize(3);
    }
}
