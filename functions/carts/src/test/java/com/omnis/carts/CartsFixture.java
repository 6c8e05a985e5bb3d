package com.omnis.carts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.json.Json;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The carts function on DynamoDB Local: fresh tables, a small catalog (three products on sale, one
 * withdrawn, the code SUMMER10 for 10 % off the shoes and the expired code OLDCODE), and the handler.
 */
final class CartsFixture {

    static final String SHOES = "SHOE-RUN-42";
    static final String SOCKS = "SOCK-3PK";
    static final String CAP = "CAP-RED";
    static final String WITHDRAWN = "OLD-1";

    final DynamoCartRepository carts;
    final DynamoProductRepository products;
    final CartsHandler handler;

    CartsFixture() {
        DynamoDbClient dynamo = TemporaryDynamo.client();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        carts = new DynamoCartRepository(enhanced, dynamo, TemporaryDynamo.newCartsTable());
        products = new DynamoProductRepository(enhanced, TemporaryDynamo.newProductsTable());
        DynamoPromotionRepository promotions = new DynamoPromotionRepository(enhanced, TemporaryDynamo.newPromotionsTable());
        seed(products, promotions);
        CartService service = new CartService(carts, products, promotions, new PriceCalculator(), Clock.systemUTC(), "EUR");
        handler = new CartsHandler(service, TestTokens.verifier());
    }

    private static void seed(DynamoProductRepository products, DynamoPromotionRepository promotions) {
        Instant now = Instant.now();
        products.save(product(SHOES, "Trail running shoe", "shoes", 8990, true));
        products.save(product(SOCKS, "Running socks, 3 pairs", "socks", 1299, true));
        products.save(product(CAP, "Red cap", "hats", 1500, true));
        products.save(product(WITHDRAWN, "Last year's jacket", "jackets", 5000, false));
        promotions.save(new Promotion("summer-10", "Summer 10 %", Promotion.Kind.PERCENT_OFF, 10, null,
                Promotion.Target.SKU, SHOES, "SUMMER10", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        promotions.save(new Promotion("spring-50", "Spring 50 %", Promotion.Kind.PERCENT_OFF, 50, null,
                Promotion.Target.SKU, SHOES, "OLDCODE", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))));
    }

    static Product product(String sku, String name, String category, long cents, boolean active) {
        return new Product(Sku.of(sku), name, null, category, "Omnis", Money.of(cents, "EUR"), active, Instant.now());
    }

    APIGatewayV2HTTPResponse call(SampleEvent event) {
        return handler.handleRequest(event.event(), new TestContext());
    }

    /** A new guest cart opened on mobile: its id and token. */
    GuestCart newGuestCart() {
        JsonNode body = json(call(SampleEvent.of("carts-create-guest")));
        return new GuestCart(body.get("id").asText(), body.get("token").asText());
    }

    GuestCart guestCartWith(String sku, int quantity) {
        GuestCart cart = newGuestCart();
        APIGatewayV2HTTPResponse added = call(SampleEvent.of("carts-add-item").cart(cart.id(), cart.token())
                .body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}"));
        assertThat(added.getStatusCode()).isEqualTo(200);
        return cart;
    }

    Cart stored(String cartId) {
        return carts.find(new CartId(cartId)).orElseThrow();
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    record GuestCart(String id, String token) {
    }
}
