package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Language;
import com.omnis.shared.domain.CustomerId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /me} and {@code PATCH /me} through the real handler on DynamoDB Local. */
class ProfileTest {

    private final CustomersFixture f = new CustomersFixture();
    private static final As CAMILLE = As.customer("customer-42");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theFirstCallOfACustomerCreatesTheirProfileFromTheTokenAndTheDevicesLanguage() {
        // given a token with an email claim, a phone asking for Spanish first
        As lucia = As.customerWithEmail("customer-77", "Lucia.Garcia@Example.ES");
        Http.Request first = Http.request("GET", "/me", "/me").as(lucia).header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5")
                .header("X-Channel", "mobile");

        // when
        Http.Response created = f.http.send(first);
        Http.Response again = f.getMe(lucia);

        // then
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.headers()).containsEntry("ETag", "\"1\"");
        assertThat(created.body().get("customerId").asText()).isEqualTo("customer-77");
        assertThat(created.body().get("email").asText()).isEqualTo("lucia.garcia@example.es");
        assertThat(created.body().get("locale").asText()).isEqualTo("es");
        assertThat(created.body().get("updatedVia").asText()).isEqualTo("mobile");
        assertThat(created.body().has("phone")).isFalse();
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(f.itemsOf("customer-77")).containsExactly("PROFILE");
    }

    @Test
    void aPatchSetsTheFieldsItNamesKeepsTheOthersAndNullRemovesOne() {
        // given
        f.getMe(CAMILLE);

        // when
        Http.Response first = f.patchMe(CAMILLE, Map.of("name", "  Camille Martin ", "locale", "fr",
                "email", "Camille@Example.fr", "phone", "+33612345678", "timeZone", "Europe/Paris"));
        Http.Response second = f.patchMe(CAMILLE, json("{\"phone\": null, \"timeZone\": \"Atlantic/Canary\"}"));

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers()).containsEntry("ETag", "\"2\"");
        assertThat(second.headers()).containsEntry("ETag", "\"3\"");
        CustomerProfile stored = f.directory.contact(CustomerId.of("customer-42")).orElseThrow().profile();
        assertThat(stored.name()).isEqualTo("Camille Martin");
        assertThat(stored.email().value()).isEqualTo("camille@example.fr");
        assertThat(stored.phone()).isNull();
        assertThat(stored.locale()).isEqualTo(Language.FR);
        assertThat(stored.timeZone().getId()).isEqualTo("Atlantic/Canary");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        f.patchMe(CAMILLE, Map.of("locale", "en"));

        Http.Response same = f.patchMe(CAMILLE, Map.of("locale", "en"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.headers()).containsEntry("ETag", "\"2\"");
    }

    @Test
    void invalidFieldsAreAllNamedInOne400AndChangeNothing() {
        // given
        f.patchMe(CAMILLE, Map.of("name", "Camille"));

        // when
        Http.Response response = f.patchMe(CAMILLE, Map.of("email", "camille@", "phone", "06 12 34 56 78",
                "locale", "de", "timeZone", "Paris", "name", ""));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("https://omnis.dev/problems/invalid-input");
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "phone", "locale", "timeZone", "name");
        assertThat(f.getMe(CAMILLE).headers()).containsEntry("ETag", "\"2\"");
    }

    @Test
    void aFixedOffsetIsNotATimeZoneAndAnUnknownFieldIsRefused() {
        assertThat(f.patchMe(CAMILLE, Map.of("timeZone", "+01:00")).status()).isEqualTo(400);
        assertThat(f.patchMe(CAMILLE, Map.of("nickname", "Cam")).body().at("/errors/0/field").asText()).isEqualTo("nickname");
        assertThat(f.patchMe(CAMILLE, Map.of("phone", 33612345678L)).body().at("/errors/0/message").asText())
                .contains("string");
        assertThat(f.patchMe(CAMILLE, json("[]")).status()).isEqualTo(400);
    }

    @Test
    void aChangeSentAgainstAStaleVersionIs409WithTheCurrentProfileAndChangesNothing() {
        // given the web shop shows version 1, then the app changes the name
        f.getMe(CAMILLE);
        f.patchMe(CAMILLE, Map.of("name", "Camille M."));

        // when the web shop sends its change against version 1
        Http.Response stale = f.http.send(Http.request("PATCH", "/me", "/me").as(CAMILLE).header("X-Channel", "web")
                .header("If-Match", "\"1\"").json(Map.of("name", "Camille Martin")));
        Http.Response fresh = f.http.send(Http.request("PATCH", "/me", "/me").as(CAMILLE).header("X-Channel", "web")
                .header("If-Match", "\"2\"").json(Map.of("name", "Camille Martin")));

        // then
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).isEqualTo("https://omnis.dev/problems/version-mismatch");
        assertThat(stale.body().at("/current/name").asText()).isEqualTo("Camille M.");
        assertThat(stale.body().at("/current/version").asLong()).isEqualTo(2);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get("name").asText()).isEqualTo("Camille Martin");
    }

    @Test
    void twoChannelsEditingAtOnceLoseNoEdit() throws Exception {
        // given
        f.getMe(CAMILLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> edits = List.of(
                () -> {
                    start.await();
                    return f.http.send(Http.request("PATCH", "/me", "/me").as(CAMILLE).header("X-Channel", "mobile")
                            .json(Map.of("phone", "+33612345678"))).status();
                },
                () -> {
                    start.await();
                    return f.http.send(Http.request("PATCH", "/me", "/me").as(CAMILLE).header("X-Channel", "store")
                            .json(Map.of("name", "Camille Martin"))).status();
                });

        // when
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> running = edits.stream().map(pool::submit).toList();
            start.countDown();
            statuses = running.stream().map(CustomersFixtureFutures::join).toList();
        }

        // then
        assertThat(statuses).containsOnly(200);
        CustomerProfile stored = f.directory.contact(CustomerId.of("customer-42")).orElseThrow().profile();
        assertThat(stored.phone().value()).isEqualTo("+33612345678");
        assertThat(stored.name()).isEqualTo("Camille Martin");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void onlyACustomerReachesTheirRecordAndARefusedCallCreatesNone() {
        assertThat(f.getMe(As.ANONYMOUS).status()).isEqualTo(401);
        assertThat(f.getMe(As.ops()).status()).isEqualTo(403);
        assertThat(f.patchMe(As.agent("agent-7"), Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(f.patchMe(As.ANONYMOUS, Map.of("name", "X")).status()).isEqualTo(401);
        // a change needs its touchpoint; a refused first change creates no profile
        Http.Response noChannel = f.http.send(Http.request("PATCH", "/me", "/me").as(CAMILLE).json(Map.of("name", "X")));
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body().at("/errors/0/field").asText()).isEqualTo("header X-Channel");
        assertThat(f.patchMe(CAMILLE, Map.of("email", "nope")).status()).isEqualTo(400);
        assertThat(f.customerItems()).isEmpty();
    }

    private static Object json(String raw) {
        return raw;
    }

    /** Futures joined with their cause unwrapped. */
    static final class CustomersFixtureFutures {
        static <T> T join(Future<T> future) {
            try {
                return future.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
