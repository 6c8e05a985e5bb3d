package com.omnis.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.catalog.service.CatalogService;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.identity.Caller;
import java.util.Map;

/** The HTTP routes of the catalog function: parse into values ({@link CatalogRequests}), call the service, shape the answer. */
final class CatalogApi {

    static final int DEFAULT_LIMIT = 20;

    private final CatalogService service;
    private final CatalogRequests requests;

    private CatalogApi(CatalogService service, CatalogRequests requests) {
        this.service = service;
        this.requests = requests;
    }

    static Router router(CatalogService service, CatalogRequests requests) {
        CatalogApi api = new CatalogApi(service, requests);
        return new Router()
                .on("GET /products", api::listProducts)
                .on("GET /products/{sku}", api::product)
                .on("PUT /products/{sku}", opsOnly(api::putProduct))
                .on("PUT /products/{sku}/price", opsOnly(api::changePrice))
                .on("POST /promotions", opsOnly(api::createPromotion))
                .on("GET /promotions", opsOnly(api::promotions))
                .on("GET /locations", api::locations)
                .on("GET /locations/{locationId}", api::location);
    }

    /** Ops routes check the caller before reading the body: a stranger learns nothing about the input rules. */
    private static Router.Route opsOnly(Router.Route route) {
        return request -> {
            request.caller().requireGroup(Caller.OPS);
            return route.handle(request);
        };
    }

    private APIGatewayV2HTTPResponse listProducts(ApiRequest request) {
        return ApiResponse.ok(service.listProducts(CatalogRequests.search(request.query("category"), request.query("q"),
                request.queryInt("limit", 1, CatalogRequests.MAX_LIMIT).orElse(DEFAULT_LIMIT), request.query("cursor"))));
    }

    private APIGatewayV2HTTPResponse product(ApiRequest request) {
        String rawSku = request.pathParam("sku");
        Channel channel = request.channelOr(Channel.WEB);
        Sku sku = CatalogRequests.sku(rawSku);
        return ApiResponse.ok(service.product(sku, channel, CatalogRequests.postalCode(request.query("postalCode"))));
    }

    private APIGatewayV2HTTPResponse putProduct(ApiRequest request) {
        String rawSku = request.pathParam("sku");
        var body = request.body(CatalogRequests.ProductBody.class);
        // the path's SKU first: a body is only judged against a SKU that can exist
        Sku sku = CatalogRequests.sku(rawSku);
        CatalogService.Saved saved = service.putProduct(sku, requests.product(sku, body));
        return saved.created()
                ? ApiResponse.created(saved.product(), "/products/" + saved.product().sku())
                : ApiResponse.ok(saved.product());
    }

    private APIGatewayV2HTTPResponse changePrice(ApiRequest request) {
        String rawSku = request.pathParam("sku");
        var body = request.body(CatalogRequests.PriceBody.class);
        Sku sku = CatalogRequests.sku(rawSku);
        return ApiResponse.ok(service.changePrice(sku, requests.price(body)));
    }

    private APIGatewayV2HTTPResponse createPromotion(ApiRequest request) {
        var body = request.body(CatalogRequests.PromotionBody.class);
        return ApiResponse.json(201, service.createPromotion(requests.promotion(body)), Map.of());
    }

    private APIGatewayV2HTTPResponse promotions(ApiRequest request) {
        return ApiResponse.ok(new Page<>(service.promotions(), null));
    }

    private APIGatewayV2HTTPResponse locations(ApiRequest request) {
        return ApiResponse.ok(new Page<>(service.locations(
                CatalogRequests.locations(request.query("type"), request.query("pickup"))), null));
    }

    private APIGatewayV2HTTPResponse location(ApiRequest request) {
        return ApiResponse.ok(service.location(CatalogRequests.locationId(request.pathParam("locationId"))));
    }
}
