package com.omnis.inventory;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.inventory.service.MovementResult;
import com.omnis.inventory.service.PositionView;
import com.omnis.inventory.service.ReservationView;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.http.Router;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.SkuAvailability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        List<FieldError> errors = new ArrayList<>();
        List<Sku> skus = skuList(request.query("skus"), errors);
        Channel channel = InventoryRequests.channel("query channel", request.query("channel").orElse(null), errors);
        Optional<String> locationId = request.query("locationId");
        InventoryRequests.location("query locationId", locationId.orElse(null), false, errors);
        Optional<String> postalCode = request.query("postalCode");
        if (postalCode.isPresent() && !AvailabilityQuery.POSTAL_CODE.matcher(postalCode.get()).matches()) {
            errors.add(new FieldError("query postalCode", AvailabilityQuery.POSTAL_CODE_RULE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ApiResponse.ok(new AvailabilityResponse(inventory.availability().of(skus, channel, locationId, postalCode)));
    }

    private APIGatewayV2HTTPResponse move(ApiRequest request) {
        request.caller().requireAuthenticated();
        String key = request.header("Idempotency-Key").orElseThrow(() -> ProblemException.invalid(
                "header Idempotency-Key", "is required: a unique value per movement, reused only to retry it"));
        if (!key.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw ProblemException.invalid("header Idempotency-Key", "is 8 to 128 characters of letters, digits and . _ : -");
        }
        var movement = InventoryRequests.movement(request.body(InventoryRequests.MovementBody.class));
        MovementResult.Outcome outcome = inventory.stock().move(request.caller(), movement, key, request.requestId());
        return ApiResponse.json(201, outcome.result(),
                outcome.replayed() ? Map.of("Idempotent-Replayed", "true") : Map.of());
    }

    private APIGatewayV2HTTPResponse stockOfSku(ApiRequest request) {
        Sku sku = pathSku(request);
        return ApiResponse.ok(new SkuStockResponse(sku.value(), inventory.stock().stockOf(request.caller(), sku)));
    }

    private APIGatewayV2HTTPResponse stockAtLocation(ApiRequest request) {
        String locationId = pathLocation(request);
        int limit = request.queryInt("limit", 1, 100).orElse(50);
        Page<PositionView> page = inventory.stock().stockAt(request.caller(), locationId, limit, request.query("cursor"));
        return ApiResponse.ok(new LocationStockResponse(locationId, page.items(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse configure(ApiRequest request) {
        String locationId = pathLocation(request);
        Sku sku = pathSku(request);
        request.caller().requireAuthenticated();
        var change = InventoryRequests.settings(request.body(InventoryRequests.SettingsBody.class));
        return ApiResponse.ok(inventory.stock().configure(request.caller(), sku, locationId, change, request.requestId()));
    }

    private APIGatewayV2HTTPResponse hold(ApiRequest request) {
        request.caller().requireAuthenticated();
        var hold = InventoryRequests.hold(request.body(InventoryRequests.HoldBody.class));
        ReservationView reservation = inventory.reservations().hold(request.caller(), hold, request.requestId());
        return ApiResponse.created(reservation, "/reservations/" + reservation.id());
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

    private static List<Sku> skuList(Optional<String> raw, List<FieldError> errors) {
        if (raw.isEmpty()) {
            errors.add(new FieldError("query skus", "is required: comma-separated SKUs"));
            return List.of();
        }
        Set<Sku> skus = new LinkedHashSet<>();
        for (String part : Arrays.stream(raw.get().split(",")).map(String::trim).toList()) {
            Sku sku = InventoryRequests.sku("query skus", part, errors);
            if (sku != null) {
                skus.add(sku);
            }
        }
        if (skus.size() > MAX_SKUS_PER_QUERY) {
            errors.add(new FieldError("query skus", "lists at most " + MAX_SKUS_PER_QUERY + " SKUs"));
        }
        return List.copyOf(skus);
    }

    private static Sku pathSku(ApiRequest request) {
        String raw = request.pathParam("sku");
        try {
            return Sku.of(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("path sku", e.getMessage());
        }
    }

    private static String pathLocation(ApiRequest request) {
        String raw = request.pathParam("locationId");
        if (!raw.matches(InventoryRequests.LOCATION_ID)) {
            throw ProblemException.invalid("path locationId", "is 3 to 40 characters of a-z, 0-9 and '-'");
        }
        return raw;
    }

    private static String reservationId(ApiRequest request) {
        String raw = request.pathParam("reservationId");
        if (!raw.matches("res-[a-f0-9-]{36}")) {
            throw ProblemException.notFound("no reservation " + raw);
        }
        return raw;
    }
}
