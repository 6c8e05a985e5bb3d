package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.config.Settings;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.privacy.PersonalData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding of a contact's reason: it travels sealed with the customer's data key, the timeline opens
 * it, and once the customer is erased an archived copy of the event opens nowhere any more.
 */
class SealedReasonTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final As AGENT = As.agent("agent-7");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-42");
    private static final String REASON = "Where is my parcel";

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aCustomer() {
        f.getMe(CAMILLE);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aContactsReasonIsSealedInTheOutboxAndTheTimelineStillShowsIt() {
        // when
        DomainEvent event = recordCall();

        // then: no word of the reason in the outbox, a key in the customer's partition
        String sealed = event.data().get("reason").asText();
        assertThat(sealed).startsWith(PersonalData.PREFIX).doesNotContain("parcel");
        assertThat(f.dynamo.scan(b -> b.tableName(f.tables.get("OUTBOX_TABLE"))).items().toString())
                .doesNotContain(REASON);
        assertThat(f.itemsOf("customer-42")).contains(CustomerItems.DATA_KEY);
        assertThat(anotherContainer().open(CUSTOMER, sealed)).contains(REASON);

        // and the timeline, fed the event, reads it
        assertThat(f.deliver(event)).isEqualTo("added");
        assertThat(timelineSummaries()).containsExactly("Contact by phone: " + REASON);
    }

    @Test
    void afterAnErasureTheSealedReasonOfAnArchivedEventOpensNowhereAndNoKeyIsMadeAgain() {
        // given: an archived InteractionRecorded, and another function's container that read the key before
        DomainEvent archived = recordCall();
        String sealed = archived.data().get("reason").asText();
        PersonalData warmContainer = anotherContainer();
        assertThat(warmContainer.open(CUSTOMER, sealed)).contains(REASON);

        // when: the erasure goes ahead and the customers part runs
        assertThat(ask("erasure").body().get("state").asText()).isEqualTo("erasing");
        DomainEvent approved = f.outboxEvents().stream().filter(e -> e.type().equals("ErasureApproved")).findFirst()
                .orElseThrow();
        assertThat(f.deliver(approved)).startsWith("erasure erasing");

        // then: the key is gone, a fresh container cannot open the archived reason, a replay projects nothing
        assertThat(f.itemsOf("customer-42")).doesNotContain(CustomerItems.DATA_KEY);
        assertThat(anotherContainer().open(CUSTOMER, sealed)).isEmpty();
        assertThat(f.deliver(archived)).isEqualTo("erased");
        // a container that cached the key keeps it no longer than the cache time
        f.clock.advance(PersonalData.CACHE_TTL.plusSeconds(1));
        assertThat(warmContainer.open(CUSTOMER, sealed)).isEmpty();
        // and nothing seals for the erased customer again
        assertThat(anotherContainer().seal(CUSTOMER, "late words")).isEmpty();
        assertThat(f.itemsOf("customer-42")).doesNotContain(CustomerItems.DATA_KEY);
    }

    @Test
    void aReasonWhoseKeyIsGoneGivesTheNeutralSummary() {
        // given: the key destroyed elsewhere (the events function's copy expires with its cache)
        DomainEvent event = recordCall();
        anotherContainer().destroyKey(CUSTOMER);
        f.clock.advance(PersonalData.CACHE_TTL.plus(Duration.ofSeconds(1)));

        // when
        assertThat(f.deliver(event)).isEqualTo("added");

        // then
        assertThat(timelineSummaries()).containsExactly("Contact by phone");
    }

    @Test
    void aReasonInClearFromAnEventWrittenBeforeSealingIsStillShown() {
        f.deliver("omnis.customers", "InteractionRecorded", CustomersFixture.NOW, Map.of("customerId", "customer-42",
                "interactionId", "int-old", "channel", "chat", "reason", "Old words", "outcome", "resolved",
                "actor", Map.of("kind", "agent", "id", "agent-7")));

        assertThat(timelineSummaries()).containsExactly("Contact by chat: Old words");
    }

    @Test
    void theExportDoesNotCarryTheDataKey() {
        recordCall();

        Http.Response asked = ask("export");

        JsonNode document = f.http.send(Http.request("GET", "/me/privacy-requests/{requestId}",
                        "/me/privacy-requests/x").path("requestId", asked.body().get("requestId").asText()).as(CAMILLE))
                .body().get("document");
        assertThat(document.get("interactions").get(0).get("reason").asText()).isEqualTo(REASON);
        assertThat(document.toString()).doesNotContain("wrappedKey").doesNotContain(CustomerItems.DATA_KEY);
    }

    private DomainEvent recordCall() {
        Http.Response recorded = f.http.send(Http.request("POST", "/customers/{customerId}/interactions",
                "/customers/customer-42/interactions").path("customerId", "customer-42").as(AGENT)
                .json(Map.of("channel", "phone", "reason", REASON, "summary", "Told her it arrives Friday",
                        "outcome", "resolved")));
        assertThat(recorded.status()).isEqualTo(201);
        return f.outboxEvents().stream().filter(e -> e.type().equals("InteractionRecorded")).reduce((a, b) -> b)
                .orElseThrow();
    }

    /** The customers function in another container: its own key cache, the same table and master key. */
    private PersonalData anotherContainer() {
        return PersonalData.fromSettings(Settings.of(f.tables), f.dynamo, f.clock);
    }

    private Http.Response ask(String type) {
        return f.http.send(Http.request("POST", "/me/privacy-requests", "/me/privacy-requests").as(CAMILLE)
                .json(Map.of("type", type)));
    }

    private List<String> timelineSummaries() {
        JsonNode items = f.http.send(Http.request("GET", "/me/timeline", "/me/timeline").as(CAMILLE)).body().get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.get("summary").asText()).toList();
    }
}
