package com.omnis.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.ConsentStatement;
import com.omnis.customers.domain.Edit;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.InteractionService;
import com.omnis.customers.domain.ProfileChange;
import com.omnis.customers.service.CustomerSearch;
import com.omnis.customers.service.SignIn;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.Language;
import com.omnis.shared.customer.NamePrefix;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.customer.TimeZones;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.identity.Caller;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The requests of the customers routes, parsed into domain values; every rule is the value's own. */
final class CustomersRequests {

    static final String NAME_RULE = "is 1 to " + CustomerProfile.MAX_NAME + " characters without control characters";
    static final int MAX_TYPES = 20;
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "locale", "email", "phone", "timeZone");

    private CustomersRequests() {
    }

    /** The body of {@code PUT /me/consents}. */
    record ConsentBody(String purpose, String channel, Boolean granted, String wordingVersion) {
    }

    /** The signed-in customer: 401 without a token, 403 for a token outside the customer group. */
    static CustomerId customer(ApiRequest request) {
        Caller caller = request.caller().requireGroup(Caller.CUSTOMER);
        try {
            return CustomerId.of(caller.subject());
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("this token's subject cannot own a customer record");
        }
    }

    /**
     * The call as a sign-in: who (checked first: 401, 403), through which touchpoint ({@code X-Channel},
     * required on changes, {@code web} when a read omits it), and what the token's email claim and the
     * device's language tell, which seed a first profile.
     */
    static SignIn signIn(ApiRequest request, boolean change) {
        CustomerId customer = customer(request);
        Channel touchpoint = change ? request.channel() : request.channelOr(Channel.WEB);
        Optional<Email> email = claim(request, "email").flatMap(raw -> tolerant(raw, Email::of));
        return new SignIn(customer, email, request.header("Accept-Language").flatMap(Language::preferredIn), touchpoint);
    }

    /** A merge patch of the profile: a field absent is kept, {@code null} clears it, a string sets it. */
    static ProfileChange profileChange(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object of the fields to change");
        }
        FieldErrors errors = new FieldErrors();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            errors.check(!PROFILE_FIELDS.contains(name), name, "is not a known field");
        }
        ProfileChange change = new ProfileChange(
                edit(body, "name", CustomersRequests::name, errors),
                edit(body, "email", Email::of, errors),
                edit(body, "phone", PhoneNumber::of, errors),
                edit(body, "locale", Language::of, errors),
                edit(body, "timeZone", TimeZones::of, errors));
        errors.throwIfAny();
        return change;
    }

    static ConsentStatement consent(ConsentBody body, Channel touchpoint, CustomerId customer) {
        FieldErrors errors = new FieldErrors();
        ConsentPurpose purpose = errors.parse("purpose", body.purpose(), ConsentPurpose::of);
        ContactChannel channel = errors.parse("channel", body.channel(), ContactChannel::of);
        Boolean granted = errors.parse("granted", body.granted(), Function.identity());
        String wording = errors.parse("wordingVersion", body.wordingVersion(), Consent::wordingVersion);
        errors.throwIfAny();
        return new ConsentStatement(purpose, channel, granted, wording, touchpoint, Actor.customer(customer));
    }

    /** The till's lookup: exactly one of {@code orderNumber} or {@code phone}; store staff only. */
    static com.omnis.customers.service.TillView.Query tillSearch(ApiRequest request) {
        request.caller().requireGroup(Caller.STORE_STAFF);
        Map<String, Function<String, com.omnis.customers.service.TillView.Query>> ways = new java.util.LinkedHashMap<>();
        ways.put("orderNumber", raw -> new com.omnis.customers.service.TillView.ByOrderNumber(
                new CustomerSearch.ByOrderNumber(raw)));
        ways.put("phone", raw -> new com.omnis.customers.service.TillView.ByPhone(PhoneNumber.normalise(raw)));
        List<String> given = ways.keySet().stream().filter(name -> request.query(name).isPresent()).toList();
        if (given.size() != 1) {
            throw InvalidInputException.of("query", "give exactly one of " + String.join(", ", ways.keySet()));
        }
        FieldErrors errors = new FieldErrors();
        String way = given.get(0);
        com.omnis.customers.service.TillView.Query query = errors.parse(way, request.query(way).orElseThrow(),
                ways.get(way));
        errors.throwIfAny();
        return query;
    }

    /**
     * An agent's search ({@code agent} group: 401 without a token, 403 for any other group): exactly one
     * of {@code email}, {@code phone} (any common format with its country code) or {@code name} (its
     * first letters, at least two).
     */
    static CustomerSearch.Query customerSearch(ApiRequest request) {
        request.caller().requireGroup(Caller.AGENT);
        Map<String, Function<String, CustomerSearch.Query>> ways = new java.util.LinkedHashMap<>();
        ways.put("email", raw -> new CustomerSearch.ByEmail(Email.of(raw)));
        ways.put("phone", raw -> new CustomerSearch.ByPhone(PhoneNumber.normalise(raw)));
        ways.put("name", raw -> new CustomerSearch.ByName(NamePrefix.of(raw)));
        ways.put("orderNumber", CustomerSearch.ByOrderNumber::new);
        List<String> given = ways.keySet().stream().filter(name -> request.query(name).isPresent()).toList();
        if (given.size() != 1) {
            throw InvalidInputException.of("query", "give exactly one of " + String.join(", ", ways.keySet()));
        }
        FieldErrors errors = new FieldErrors();
        String way = given.get(0);
        CustomerSearch.Query query = errors.parse(way, request.query(way).orElseThrow(), ways.get(way));
        errors.throwIfAny();
        return query;
    }

    /** The body of {@code POST /me/privacy-requests}. */
    record PrivacyBody(String type) {
    }

    static PrivacyRequest.Type privacyType(PrivacyBody body) {
        FieldErrors errors = new FieldErrors();
        PrivacyRequest.Type type = errors.parse("type", body.type(), PrivacyRequest.Type::of);
        errors.throwIfAny();
        return type;
    }

    static String pathRequestId(ApiRequest request) {
        String id = request.pathParam("requestId");
        if (id == null || !id.matches("prq-[0-9a-f-]{36}")) {
            throw InvalidInputException.of("path requestId", "is a privacy request id such as prq-<uuid>");
        }
        return id;
    }

    /** The body of {@code POST /customers/{customerId}/interactions}. */
    record InteractionBody(String channel, String reason, String summary, String outcome) {
    }

    /** Who records a contact: an agent, or store staff (with their store); 401 anonymous, 403 anyone else. */
    static Actor agentOrStaff(ApiRequest request) {
        Caller caller = request.caller().requireAuthenticated();
        if (caller.isIn(Caller.AGENT)) {
            return new Actor(Actor.Kind.AGENT, caller.subject());
        }
        if (caller.isIn(Caller.STORE_STAFF) && caller.storeId().isPresent()) {
            return new Actor(Actor.Kind.STAFF, caller.subject());
        }
        throw new ForbiddenException("this operation is reserved to agents and store staff of a store");
    }

    /** An agent ({@code agent} group: 401 without a token, 403 for any other group). */
    static Actor agent(ApiRequest request) {
        return new Actor(Actor.Kind.AGENT, request.caller().requireGroup(Caller.AGENT).subject());
    }

    static CustomerId pathCustomer(ApiRequest request) {
        FieldErrors errors = new FieldErrors();
        CustomerId customer = errors.parse("path customerId", request.pathParam("customerId"), CustomerId::of);
        errors.throwIfAny();
        return customer;
    }

    static InteractionService.Contact contact(InteractionBody body) {
        FieldErrors errors = new FieldErrors();
        InteractionChannel channel = errors.parse("channel", body.channel(), InteractionChannel::of);
        String reason = errors.parse("reason", body.reason(), Interaction::reason);
        String summary = errors.parse("summary", body.summary(), Interaction::summary);
        InteractionOutcome outcome = errors.parse("outcome", body.outcome(), InteractionOutcome::of);
        errors.throwIfAny();
        return new InteractionService.Contact(channel, reason, summary, outcome);
    }

    /**
     * {@code types}: a comma-separated list of event types (at most {@value #MAX_TYPES}, each a name such
     * as {@code OrderPlaced}); absent for every type.
     */
    static Set<String> timelineTypes(ApiRequest request) {
        Optional<String> raw = request.query("types");
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Set.of();
        }
        Set<String> types = new java.util.LinkedHashSet<>();
        for (String type : raw.get().split(",")) {
            types.add(type.strip());
        }
        boolean valid = types.size() <= MAX_TYPES && types.stream().allMatch(t -> t.matches("[A-Z][A-Za-z]{1,39}"));
        if (!valid) {
            throw InvalidInputException.of("query types", "is a comma-separated list of at most " + MAX_TYPES
                    + " event types such as OrderPlaced,ReturnRequested");
        }
        return types;
    }

    static Sku pathSku(ApiRequest request) {
        FieldErrors errors = new FieldErrors();
        Sku sku = errors.parse("path sku", request.pathParam("sku"), Sku::of);
        errors.throwIfAny();
        return sku;
    }

    private static String name(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > CustomerProfile.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(NAME_RULE);
        }
        return name;
    }

    private static <T> Edit<T> edit(JsonNode body, String field, Function<String, T> parser, FieldErrors errors) {
        if (!body.has(field)) {
            return Edit.keep();
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return Edit.clear();
        }
        if (!value.isTextual()) {
            errors.add(field, "must be a string, or null to remove it");
            return Edit.keep();
        }
        T parsed = errors.parseOptional(field, value.textValue(), parser);
        return parsed == null ? Edit.keep() : Edit.set(parsed);
    }

    private static Optional<String> claim(ApiRequest request, String name) {
        var context = request.event().getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return Optional.ofNullable(claims == null ? null : claims.get(name));
    }

    private static <T> Optional<T> tolerant(String raw, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
