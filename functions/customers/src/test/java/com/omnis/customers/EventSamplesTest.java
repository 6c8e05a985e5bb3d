package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.PersonalData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The samples of {@code events/bus/} for the customers' events are what the function publishes:
 * each parses into the real envelope and payload record, and names exactly the fields an event has.
 */
class EventSamplesTest {

    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final Instant AT = Instant.parse("2026-06-15T10:00:00Z");

    @Test
    void consentChangedSampleIsTheEventAStatementPublishes() throws IOException {
        DomainEvent real = CustomerEvents.consentChanged(CUSTOMER, new Consent(ConsentPurpose.MARKETING,
                ContactChannel.EMAIL, false, AT, Channel.WEB, Actor.customer(CUSTOMER), "marketing-email-2026-01", 3),
                true, "r-1");

        DomainEvent sample = sample("ConsentChanged");

        assertThat(sample.type()).isEqualTo(real.type());
        assertThat(sample.source()).isEqualTo(real.source());
        assertThat(sample.subject()).isEqualTo(real.subject());
        assertThat(sample.dataAs(CustomerEvents.ConsentChanged.class))
                .isEqualTo(real.dataAs(CustomerEvents.ConsentChanged.class));
        assertThat(fields(sample.data())).isEqualTo(fields(real.data()));
    }

    @Test
    void itemSavedSampleIsTheEventASavePublishes() throws IOException {
        DomainEvent real = CustomerEvents.itemSaved(new SavedItem(CUSTOMER, Sku.of("TEE-BLUE-M"), AT, Channel.MOBILE,
                Money.of(1799, "EUR"), 0), "r-1");

        DomainEvent sample = sample("ItemSaved");

        assertThat(sample.subject()).isEqualTo(real.subject());
        assertThat(sample.dataAs(CustomerEvents.ItemSaved.class)).isEqualTo(real.dataAs(CustomerEvents.ItemSaved.class));
        assertThat(fields(sample.data())).isEqualTo(fields(real.data()));
    }

    @Test
    void itemUnsavedSampleIsTheEventARemovalPublishes() throws IOException {
        DomainEvent real = CustomerEvents.itemUnsaved(CUSTOMER, Sku.of("TEE-BLUE-M"), Channel.WEB,
                Instant.parse("2026-06-16T18:30:00Z"), "r-1");

        DomainEvent sample = sample("ItemUnsaved");

        assertThat(sample.type()).isEqualTo(CustomerEvents.ITEM_UNSAVED);
        assertThat(sample.dataAs(CustomerEvents.ItemUnsaved.class)).isEqualTo(real.dataAs(CustomerEvents.ItemUnsaved.class));
        assertThat(fields(sample.data())).isEqualTo(fields(real.data()));
    }

    @Test
    void interactionRecordedSampleIsTheEventARecordedCallPublishes() throws IOException {
        DomainEvent sample = sample("InteractionRecorded");
        String sealedReason = sample.data().path("reason").asText();
        DomainEvent real = CustomerEvents.interactionRecorded(new Interaction("int-3f9a1c2e-7b4d-4e8f-9a0b-1c2d3e4f5a6b",
                CUSTOMER, InteractionChannel.STORE, "Return without receipt", "Exchanged for a size M",
                InteractionOutcome.RESOLVED, new Actor(Actor.Kind.STAFF, "staff-store-lyon"), "store-lyon", AT),
                sealedReason, "r-1");

        assertThat(PersonalData.isSealed(sealedReason)).as("the sample's reason is sealed, as the real one").isTrue();

        assertThat(sample.subject()).isEqualTo(real.subject());
        assertThat(sample.dataAs(CustomerEvents.InteractionRecorded.class))
                .isEqualTo(real.dataAs(CustomerEvents.InteractionRecorded.class));
        assertThat(fields(sample.data())).isEqualTo(fields(real.data()));
    }

    /** The envelope of a sample, read strictly: an unknown field fails. */
    private static DomainEvent sample(String type) throws IOException {
        Path file = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "bus", type + ".json");
        JsonNode eventBridge = Json.MAPPER.readTree(file.toFile());
        assertThat(eventBridge.get("detail-type").asText()).isEqualTo(type);
        assertThat(eventBridge.get("source").asText()).isEqualTo(CustomerEvents.SOURCE);
        return Json.MAPPER.treeToValue(eventBridge.get("detail"), DomainEvent.class);
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
