package com.omnis.inventory;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.inventory.service.MovementResult;
import com.omnis.inventory.service.PositionView;
import com.omnis.inventory.service.ReservationView;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.SkuAvailability;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The HTTP routes of the inventory function: parse, call a service, shape the answer. */
final class InventoryApi {

    static final int MAX_SKUS_PER_QUERY = 50;

    private final Inventory inventory;

    private InventoryApi(Inventory inventory) {
        this.inventory = inventory;
    }

    static Router router(Inventory inventory) {
        InventoryApi api = new InventoryApi(inventory);
        return new Router()
                .on("GET /availability", api::availability)
                .on("POST /stock/movements", api::move)
                .on("GET /stock/{sku}", api::stockOfSku)
                .on("GET /locations/{locationId}/stock", api::stockAtLocation)
                .on("PUT /locations/{locationId}/stock/{sku}", api::configure)
                .on("POST /reservations", api::hold)
                .on("GET /reservations/{reservationId}", api::reservation)
                .on("POST /reservations/{reservationId}/commit", api::commit)
                .on("DELETE /reservations/{reservationId}", api::release);
    }

    record AvailabilityResponse(List<SkuAvailability> items) {
    }

    record SkuStockResponse(String sku, List<PositionView> locations) {
    }

    record LocationStockResponse(String locationId, List<PositionView> items, String nextCursor) {
    }

    private APIGatewayV2HTTPResponse availability(ApiRequest request) {
        FieldErrors errors = new FieldErrors();
        List<Sku> skus = skuList(request.query("skus"), errors);
        Channel channel = errors.parse("query channel", request.query("channel").orElse(null), Channel::parse);
        LocationId locationId = errors.parseOptional("query locationId", request.query("locationId").orElse(null),
                LocationId::of);
        Optional<String> postalCode = request.query("postalCode");
        errors.check(postalCode.isPresent() && !AvailabilityQuery.POSTAL_CODE.matcher(postalCode.get()).matches(),
                "query postalCode", AvailabilityQuery.POSTAL_CODE_RULE);
        errors.throwIfAny();
        return ApiResponse.ok(new AvailabilityResponse(inventory.availability().of(skus, channel,
                Optional.ofNullable(locationId).map(LocationId::value), postalCode)));
    }

    private APIGatewayV2HTTPResponse move(ApiRequest request) {
        Caller caller = request.caller().requireAuthenticated();
        IdempotencyKey key = InventoryRequests.idempotencyKey("movement", caller, request.header("Idempotency-Key"));
        var movement = InventoryRequests.movement(request.body(InventoryRequests.MovementBody.class));
        MovementResult.Outcome outcome = inventory.stock().move(caller, movement, key, request.requestId());
        return ApiResponse.json(201, outcome.result(), replayed(outcome.replayed(), Map.of()));
    }

    private APIGatewayV2HTTPResponse stockOfSku(ApiRequest request) {
        Sku sku = path(request, "sku", Sku::of);
        return ApiResponse.ok(new SkuStockResponse(sku.value(), inventory.stock().stockOf(request.caller(), sku)));
    }

    private APIGatewayV2HTTPResponse stockAtLocation(ApiRequest request) {
        LocationId locationId = path(request, "locationId", LocationId::of);
        int limit = request.queryInt("limit", 1, 100).orElse(50);
        Page<PositionView> page = inventory.stock().stockAt(request.caller(), locationId, limit, request.query("cursor"));
        return ApiResponse.ok(new LocationStockResponse(locationId.value(), page.items(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse configure(ApiRequest request) {
        LocationId locationId = path(request, "locationId", LocationId::of);
        Sku sku = path(request, "sku", Sku::of);
        request.caller().requireAuthenticated();
        var change = InventoryRequests.settings(request.body(InventoryRequests.SettingsBody.class));
        return ApiResponse.ok(inventory.stock().configure(request.caller(), sku, locationId, change, request.requestId()));
    }

    private APIGatewayV2HTTPResponse hold(ApiRequest request) {
        Caller caller = request.caller().requireAuthenticated();
        IdempotencyKey key = InventoryRequests.idempotencyKey("reservation", caller, request.header("Idempotency-Key"));
        var hold = InventoryRequests.hold(request.body(InventoryRequests.HoldBody.class));
        var outcome = inventory.reservations().hold(caller, hold, key, request.requestId());
        ReservationView reservation = outcome.response();
        return ApiResponse.json(201, reservation, replayed(outcome.replayed(),
                Map.of("Location", "/reservations/" + reservation.id())));
    }

    private APIGatewayV2HTTPResponse reservation(ApiRequest request) {
        return ApiResponse.ok(inventory.reservations().get(request.caller(), reservationId(request)));
    }

    private APIGatewayV2HTTPResponse commit(ApiRequest request) {
        return ApiResponse.ok(inventory.reservations().commit(request.caller(), reservationId(request), request.requestId()));
    }

    private APIGatewayV2HTTPResponse release(ApiRequest request) {
        return ApiResponse.ok(inventory.reservations().release(request.caller(), reservationId(request), request.requestId()));
    }

    private static Map<String, String> replayed(boolean replayed, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (replayed) {
            all.put("Idempotent-Replayed", "true");
        }
        return all;
    }

    private static List<Sku> skuList(Optional<String> raw, FieldErrors errors) {
        if (raw.isEmpty()) {
            errors.add("query skus", "is required: comma-separated SKUs");
            return List.of();
        }
        Set<Sku> skus = new LinkedHashSet<>();
        for (String part : Arrays.stream(raw.get().split(",")).map(String::trim).toList()) {
            Sku sku = errors.parse("query skus", part, Sku::of);
            if (sku != null) {
                skus.add(sku);
            }
        }
        errors.check(skus.size() > MAX_SKUS_PER_QUERY, "query skus", "lists at most " + MAX_SKUS_PER_QUERY + " SKUs");
        return List.copyOf(skus);
    }

    /** A path parameter as its value; the value's rule is the message of the 400. */
    private static <T> T path(ApiRequest request, String name, Function<String, T> parser) {
        FieldErrors errors = new FieldErrors();
        T value = errors.parse("path " + name, request.pathParam(name), parser);
        errors.throwIfAny();
        return value;
    }

    private static ReservationId reservationId(ApiRequest request) {
        return InventoryRequests.reservationId(request.pathParam("reservationId"));
    }
}
