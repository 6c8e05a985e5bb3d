package com.omnis.customers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Amazon Connect's contact events ({@code source: aws.connect}, not Omnis envelopes): a finished contact
 * ({@code DISCONNECTED}) becomes an interaction of the customer named by the contact attribute
 * {@code customerId}, or else found by the caller's number through the phone index. Idempotent on the
 * contact id; other event types are ignored (tolerant reader).
 */
public final class ContactCentreEvents {

    public static final String SOURCE = "aws.connect";
    public static final String DETAIL_TYPE = "Amazon Connect Contact Event";

    /** What one event gave; counted by the handler, never carrying the caller's number. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, IGNORED, NO_CUSTOMER }

    private final CustomerStore customers;
    private final ActivityStore activity;
    private final PersonalData personalData;

    public ContactCentreEvents(CustomerStore customers, ActivityStore activity, PersonalData personalData) {
        this.customers = customers;
        this.activity = activity;
        this.personalData = personalData;
    }

    public Outcome on(JsonNode detail, String correlationId) {
        if (!"DISCONNECTED".equals(detail.path("eventType").asText())) {
            return Outcome.IGNORED;
        }
        String contactId = detail.path("contactId").asText("");
        Optional<InteractionChannel> channel = channel(detail.path("channel").asText(""));
        if (contactId.isBlank() || channel.isEmpty()) {
            return Outcome.IGNORED;
        }
        Optional<CustomerId> customer = customer(detail);
        if (customer.isEmpty()) {
            return Outcome.NO_CUSTOMER;
        }
        Instant started = instant(detail.path("initiationTimestamp")).orElse(null);
        Instant ended = instant(detail.path("disconnectTimestamp")).or(() -> Optional.ofNullable(started))
                .orElseGet(Instant::now);
        String queue = detail.path("queueInfo").path("queueName").asText("");
        Interaction interaction = new Interaction("int-connect-" + contactId, customer.get(), channel.get(),
                Interaction.reason(queue.isBlank() ? "contact centre" : queue), summary(channel.get(), started, ended),
                detail.path("agentInfo").path("agentArn").asText("").isBlank()
                        ? InteractionOutcome.NO_ACTION : InteractionOutcome.RESOLVED,
                agent(detail), null, ended);
        // the queue's name is the reason: it travels sealed with the customer's key, like an agent's
        String sealedReason = personalData.seal(customer.get(), interaction.reason()).orElse(null);
        return activity.recordOnce(interaction, CustomerEvents.interactionRecorded(interaction, sealedReason, correlationId))
                ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
    }

    private Optional<CustomerId> customer(JsonNode detail) {
        String named = detail.path("attributes").path("customerId").asText("");
        if (!named.isBlank()) {
            CustomerId id = new CustomerId(named);
            return customers.profile(id).map(CustomerProfile::customerId);
        }
        String address = detail.path("customerEndpoint").path("address").asText("");
        if (address.isBlank()) {
            return Optional.empty();
        }
        try {
            List<CustomerProfile> found = customers.profilesWithPhone(PhoneNumber.normalise(address));
            // two profiles on one number: nobody can tell whose call it was
            return found.size() == 1 ? Optional.of(found.get(0).customerId()) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<InteractionChannel> channel(String connect) {
        return switch (connect) {
            case "VOICE" -> Optional.of(InteractionChannel.PHONE);
            case "CHAT" -> Optional.of(InteractionChannel.CHAT);
            case "EMAIL" -> Optional.of(InteractionChannel.EMAIL);
            default -> Optional.empty();
        };
    }

    private static Actor agent(JsonNode detail) {
        String arn = detail.path("agentInfo").path("agentArn").asText("");
        String id = arn.isBlank() ? "contact-centre" : arn.substring(arn.lastIndexOf('/') + 1);
        return new Actor(arn.isBlank() ? Actor.Kind.SYSTEM : Actor.Kind.AGENT, id);
    }

    private static String summary(InteractionChannel channel, Instant started, Instant ended) {
        String what = switch (channel) {
            case PHONE -> "call";
            case CHAT -> "chat";
            default -> "email";
        };
        if (started == null || ended.isBefore(started)) {
            return what + " from the contact centre";
        }
        long minutes = Math.max(1, Math.round(Duration.between(started, ended).toSeconds() / 60.0));
        return what + " of " + minutes + " min";
    }

    private static Optional<Instant> instant(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
