package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.CustomerContact;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /me/consents} and {@code GET /me/consents}: an append-only ledger whose last word counts. */
class ConsentLedgerTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final CustomerId CAMILLE_ID = CustomerId.of("customer-42");

    private final CustomersFixture f = new CustomersFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Map<String, Object> statement(String purpose, String channel, boolean granted, String wording) {
        return Map.of("purpose", purpose, "channel", channel, "granted", granted, "wordingVersion", wording);
    }

    @Test
    void aGrantThenAWithdrawalAreBothKeptAndTheLastOneCounts() {
        // when the customer opts in on the app, then opts out on the web
        Http.Response granted = f.stateConsent(CAMILLE, "mobile", statement("marketing", "email", true, "mkt-v3"));
        Http.Response withdrawn = f.stateConsent(CAMILLE, "web", statement("marketing", "email", false, "mkt-v3"));

        // then
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().get("sequence").asLong()).isEqualTo(1);
        assertThat(withdrawn.body().get("granted").asBoolean()).isFalse();
        JsonNode overview = f.consents(CAMILLE).body();
        JsonNode history = overview.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("granted").asBoolean()).isFalse();
        assertThat(history.get(0).get("touchpoint").asText()).isEqualTo("web");
        assertThat(history.get(1).get("granted").asBoolean()).isTrue();
        assertThat(history.get(1).get("touchpoint").asText()).isEqualTo("mobile");
        assertThat(history.get(1).at("/actor/kind").asText()).isEqualTo("customer");
        assertThat(history.get(1).at("/actor/id").asText()).isEqualTo("customer-42");
        assertThat(history.get(1).get("wordingVersion").asText()).isEqualTo("mkt-v3");
        assertThat(history.get(1).get("at").asText()).isEqualTo(CustomersFixture.NOW.toString());
        assertThat(pair(overview, "marketing", "email").get("granted").asBoolean()).isFalse();
        assertThat(f.directory.contact(CAMILLE_ID).orElseThrow().granted(ConsentPurpose.MARKETING, ContactChannel.EMAIL))
                .isFalse();
    }

    @Test
    void everyStatementPublishesConsentChangedInItsTransaction() {
        // when
        f.stateConsent(CAMILLE, "mobile", statement("saved-item-alerts", "sms", true, "alerts-v1"));
        f.stateConsent(CAMILLE, "store", statement("saved-item-alerts", "sms", false, "alerts-v1"));

        // then
        List<DomainEvent> events = f.outboxEvents();
        assertThat(events).extracting(DomainEvent::type).containsOnly(CustomerEvents.CONSENT_CHANGED);
        assertThat(events).extracting(DomainEvent::source).containsOnly(CustomerEvents.SOURCE);
        List<CustomerEvents.ConsentChanged> changes = events.stream()
                .map(e -> e.dataAs(CustomerEvents.ConsentChanged.class))
                .sorted(java.util.Comparator.comparingLong(CustomerEvents.ConsentChanged::sequence)).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(CAMILLE_ID);
            assertThat(c.purpose()).isEqualTo(ConsentPurpose.SAVED_ITEM_ALERTS);
            assertThat(c.channel()).isEqualTo(ContactChannel.SMS);
            assertThat(c.granted()).isTrue();
            assertThat(c.previouslyGranted()).isFalse();
        });
        assertThat(changes.get(1).granted()).isFalse();
        assertThat(changes.get(1).previouslyGranted()).isTrue();
        assertThat(changes.get(1).touchpoint().code()).isEqualTo("store");
        assertThat(events.getFirst().subject()).isEqualTo("customer/customer-42/consent/saved-item-alerts/sms");
    }

    @Test
    void repeatingTheLastStatementRecordsNothingButANewWordingIsANewStatement() {
        // given
        f.stateConsent(CAMILLE, "web", statement("marketing", "email", true, "mkt-v3"));

        // when
        Http.Response repeated = f.stateConsent(CAMILLE, "mobile", statement("marketing", "email", true, "mkt-v3"));
        Http.Response reworded = f.stateConsent(CAMILLE, "web", statement("marketing", "email", true, "mkt-v4"));

        // then
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().get("sequence").asLong()).isEqualTo(1);
        assertThat(repeated.body().get("touchpoint").asText()).isEqualTo("web");
        assertThat(reworded.body().get("sequence").asLong()).isEqualTo(2);
        assertThat(f.consents(CAMILLE).body().get("history")).hasSize(2);
        assertThat(f.outboxEvents()).hasSize(2);
    }

    @Test
    void theOverviewListsEveryPurposeAndChannelAndAPairNeverStatedIsNotGranted() {
        // given
        f.stateConsent(CAMILLE, "web", statement("marketing", "sms", true, "mkt-v3"));

        // when
        JsonNode overview = f.consents(CAMILLE).body();

        // then
        assertThat(overview.get("current")).hasSize(ConsentPurpose.values().length * ContactChannel.values().length);
        assertThat(pair(overview, "marketing", "sms").get("granted").asBoolean()).isTrue();
        JsonNode never = pair(overview, "saved-item-alerts", "email");
        assertThat(never.get("granted").asBoolean()).isFalse();
        assertThat(never.has("at")).isFalse();
        assertThat(never.has("sequence")).isFalse();
    }

    @Test
    void twoChannelsStatingAtOnceAreBothRecordedInOneOrder() throws Exception {
        // given
        f.getMe(CAMILLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> running = new ArrayList<>();

        // when the app grants email alerts while the till grants sms alerts
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            running.add(pool.submit(() -> {
                start.await();
                return f.stateConsent(CAMILLE, "mobile", statement("saved-item-alerts", "email", true, "a-v1")).status();
            }));
            running.add(pool.submit(() -> {
                start.await();
                return f.stateConsent(CAMILLE, "store", statement("saved-item-alerts", "sms", true, "a-v1")).status();
            }));
            start.countDown();
            for (Future<Integer> r : running) {
                assertThat(r.get()).isEqualTo(200);
            }
        }

        // then
        JsonNode history = f.consents(CAMILLE).body().get("history");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(h -> h.get("sequence").asLong()).toList())
                .containsExactly(2L, 1L);
        CustomerContact contact = f.directory.contact(CAMILLE_ID).orElseThrow();
        assertThat(contact.granted(ConsentPurpose.SAVED_ITEM_ALERTS, ContactChannel.EMAIL)).isTrue();
        assertThat(contact.granted(ConsentPurpose.SAVED_ITEM_ALERTS, ContactChannel.SMS)).isTrue();
        assertThat(contact.consents().version()).isEqualTo(2);
        assertThat(f.outboxEvents()).hasSize(2);
    }

    @Test
    void invalidStatementsAreAllNamedInOne400AndRecordNothing() {
        // when
        Http.Response response = f.stateConsent(CAMILLE, "web",
                Map.of("purpose", "spam", "channel", "fax", "wordingVersion", "v 1"));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("purpose", "channel", "granted", "wordingVersion");
        assertThat(f.stateConsent(CAMILLE, "web", Map.of("purpose", "marketing", "channel", "email",
                "granted", "yes", "wordingVersion", "v1")).status()).isEqualTo(400);
        assertThat(f.stateConsent(CAMILLE, "fax", statement("marketing", "email", true, "v1")).status()).isEqualTo(400);
        assertThat(f.outboxEvents()).isEmpty();
        assertThat(f.customerItems()).isEmpty();
    }

    @Test
    void onlyTheCustomerStatesTheirConsent() {
        assertThat(f.stateConsent(As.ANONYMOUS, "web", statement("marketing", "email", true, "v1")).status()).isEqualTo(401);
        assertThat(f.stateConsent(As.agent("agent-7"), "call-center", statement("marketing", "email", true, "v1")).status())
                .isEqualTo(403);
        assertThat(f.consents(As.ANONYMOUS).status()).isEqualTo(401);
        assertThat(f.consents(As.staff("store-lyon")).status()).isEqualTo(403);
        assertThat(f.outboxEvents()).isEmpty();
    }

    private static JsonNode pair(JsonNode overview, String purpose, String channel) {
        return StreamSupport.stream(overview.get("current").spliterator(), false)
                .filter(c -> c.get("purpose").asText().equals(purpose) && c.get("channel").asText().equals(channel))
                .findFirst().orElseThrow();
    }
}
