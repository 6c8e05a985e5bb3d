package com.omnis.customers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.ConsentStatement;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.InteractionService;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import java.util.Set;
import com.omnis.customers.domain.ProfileChange;
import com.omnis.customers.service.CustomerSearch;
import com.omnis.customers.service.SavedItemService;
import com.omnis.customers.service.SignIn;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP routes of the customers function: parse, call a service, shape the answer. The {@code /me}
 * routes are the signed-in customer's own record, for the {@code customer} group only, and a
 * customer's first call creates their profile (first sign-in). {@code /agent/customers} is the
 * call centre's search, for the {@code agent} group only.
 */
final class CustomersApi {

    private final Customers customers;

    private CustomersApi(Customers customers) {
        this.customers = customers;
    }

    static Router router(Customers customers) {
        CustomersApi api = new CustomersApi(customers);
        return new Router()
                .on("GET /me", api::profile)
                .on("PATCH /me", api::changeProfile)
                .on("GET /me/consents", api::consents)
                .on("PUT /me/consents", api::stateConsent)
                .on("GET /me/saved-items", api::savedItems)
                .on("PUT /me/saved-items/{sku}", api::save)
                .on("DELETE /me/saved-items/{sku}", api::unsave)
                .on("GET /me/timeline", api::myTimeline)
                .on("GET /agent/customers", api::findCustomers)
                .on("GET /store/customers", api::tillCustomers)
                .on("GET /customers/{customerId}", api::customerView)
                .on("GET /customers/{customerId}/timeline", api::customerTimeline)
                .on("POST /me/privacy-requests", api::myPrivacyRequest)
                .on("GET /me/privacy-requests/{requestId}", api::myPrivacyRequestState)
                .on("POST /customers/{customerId}/privacy-requests", api::privacyRequestForCustomer)
                .on("POST /customers/{customerId}/interactions", api::recordInteraction);
    }

    record SavedItemsResponse(List<SavedItem> items) {
    }

    record FoundCustomers(List<CustomerProfile> customers) {
    }

    // Each route parses everything first (who, touchpoint, body, path), then signs the customer in
    // (creating their profile on their first call), then acts: a refused request writes nothing.

    private APIGatewayV2HTTPResponse profile(ApiRequest request) {
        return withETag(customers.profiles().signIn(CustomersRequests.signIn(request, false)));
    }

    private APIGatewayV2HTTPResponse changeProfile(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, true);
        ProfileChange change = CustomersRequests.profileChange(request.body(JsonNode.class));
        Optional<Long> expected = request.ifMatchVersion();
        return withETag(customers.profiles().change(signIn, change, expected, signIn.touchpoint()));
    }

    private APIGatewayV2HTTPResponse consents(ApiRequest request) {
        SignIn signIn = signedIn(CustomersRequests.signIn(request, false));
        return ApiResponse.ok(customers.consents().overview(signIn.customer()));
    }

    private APIGatewayV2HTTPResponse stateConsent(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, true);
        ConsentStatement statement = CustomersRequests.consent(request.body(CustomersRequests.ConsentBody.class),
                signIn.touchpoint(), signIn.customer());
        signedIn(signIn);
        return ApiResponse.ok(customers.consents().state(signIn.customer(), statement, request.requestId()));
    }

    private APIGatewayV2HTTPResponse savedItems(ApiRequest request) {
        SignIn signIn = signedIn(CustomersRequests.signIn(request, false));
        return ApiResponse.ok(new SavedItemsResponse(customers.savedItems().list(signIn.customer())));
    }

    private APIGatewayV2HTTPResponse save(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, true);
        Sku sku = CustomersRequests.pathSku(request);
        signedIn(signIn);
        SavedItemService.Saved saved = customers.savedItems().save(signIn.customer(), sku, signIn.touchpoint(),
                request.requestId());
        return saved.created()
                ? ApiResponse.created(saved.item(), "/me/saved-items/" + sku)
                : ApiResponse.ok(saved.item());
    }

    private APIGatewayV2HTTPResponse unsave(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, true);
        Sku sku = CustomersRequests.pathSku(request);
        signedIn(signIn);
        customers.savedItems().unsave(signIn.customer(), sku, signIn.touchpoint(), request.requestId());
        return ApiResponse.noContent();
    }

    record TillCustomers(List<com.omnis.customers.service.TillView.TillCustomer> customers) {
    }

    /** The till's lookup, store staff only: name, id and the orders relevant at the counter, nothing else. */
    private APIGatewayV2HTTPResponse tillCustomers(ApiRequest request) {
        return ApiResponse.ok(new TillCustomers(customers.till().find(CustomersRequests.tillSearch(request))));
    }

    /** An agent's search: reads only, so a search for a contact nobody holds creates nothing. */
    private APIGatewayV2HTTPResponse findCustomers(ApiRequest request) {
        CustomerSearch.Query query = CustomersRequests.customerSearch(request);
        return ApiResponse.ok(new FoundCustomers(customers.search().find(query)));
    }

    private APIGatewayV2HTTPResponse myTimeline(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, false);
        Set<String> types = CustomersRequests.timelineTypes(request);
        signedIn(signIn);
        return ApiResponse.ok(customers.timeline().page(signIn.customer(), types, request.query("cursor")));
    }

    /** The 360 view: the read is recorded (who, when) in the customer's record. */
    private APIGatewayV2HTTPResponse customerView(ApiRequest request) {
        Actor agent = CustomersRequests.agent(request);
        CustomerId customer = CustomersRequests.pathCustomer(request);
        return ApiResponse.ok(customers.view().of(customer, agent, request.routeKey(), request.requestId()));
    }

    private APIGatewayV2HTTPResponse myPrivacyRequest(ApiRequest request) {
        SignIn signIn = CustomersRequests.signIn(request, false);
        PrivacyRequest.Type type = CustomersRequests.privacyType(request.body(CustomersRequests.PrivacyBody.class));
        signedIn(signIn);
        return privacyRequest(signIn.customer(), type, Actor.customer(signIn.customer()), request.requestId(), "/me");
    }

    private APIGatewayV2HTTPResponse privacyRequestForCustomer(ApiRequest request) {
        Actor agent = CustomersRequests.agent(request);
        CustomerId customer = CustomersRequests.pathCustomer(request);
        PrivacyRequest.Type type = CustomersRequests.privacyType(request.body(CustomersRequests.PrivacyBody.class));
        return privacyRequest(customer, type, agent, request.requestId(), "/customers/" + customer);
    }

    private APIGatewayV2HTTPResponse privacyRequest(CustomerId customer, PrivacyRequest.Type type, Actor by,
                                                    String requestId, String base) {
        PrivacyRequest made = type == PrivacyRequest.Type.EXPORT
                ? customers.privacy().export(customer, by)
                : customers.privacy().erase(customer, by, requestId);
        return ApiResponse.json(made.state() == PrivacyRequest.State.READY ? 201 : 202, made,
                Map.of("Location", "/me/privacy-requests/" + made.requestId()));
    }

    /** Readable after an erasure too: it reads the request only, and never signs the customer in again. */
    private APIGatewayV2HTTPResponse myPrivacyRequestState(ApiRequest request) {
        CustomerId customer = CustomersRequests.customer(request);
        String requestId = CustomersRequests.pathRequestId(request);
        return ApiResponse.ok(customers.privacy().answer(customer, requestId));
    }

    private APIGatewayV2HTTPResponse customerTimeline(ApiRequest request) {
        CustomersRequests.agent(request);
        CustomerId customer = CustomersRequests.pathCustomer(request);
        Set<String> types = CustomersRequests.timelineTypes(request);
        return ApiResponse.ok(customers.timeline().page(customer, types, request.query("cursor")));
    }

    private APIGatewayV2HTTPResponse recordInteraction(ApiRequest request) {
        Actor actor = CustomersRequests.agentOrStaff(request);
        CustomerId customer = CustomersRequests.pathCustomer(request);
        InteractionService.Contact contact = CustomersRequests.contact(
                request.body(CustomersRequests.InteractionBody.class));
        Interaction interaction = customers.interactions().record(customer, contact, actor,
                request.caller().storeId().orElse(null), request.requestId());
        return ApiResponse.created(interaction, "/customers/" + customer + "/interactions/" + interaction.interactionId());
    }

    /** The customer's profile exists once they called: created here on their first call. */
    private SignIn signedIn(SignIn signIn) {
        customers.profiles().signIn(signIn);
        return signIn;
    }

    private static APIGatewayV2HTTPResponse withETag(CustomerProfile profile) {
        return ApiResponse.json(200, profile, Map.of("ETag", "\"" + profile.version() + "\""));
    }
}
