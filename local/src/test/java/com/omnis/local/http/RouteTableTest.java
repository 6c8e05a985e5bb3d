package com.omnis.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.template.HttpRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            route("GET", "/carts/{cartId}"),
            route("PATCH", "/carts/{cartId}/items/{sku}"),
            route("GET", "/carts/mine"),
            route("ANY", "/carts/{cartId}"),
            route("GET", "/assets/{proxy+}"),
            route("ANY", "$default")));

    @Test
    void bindsPathParameters() {
        RouteTable.Match match = table.match("PATCH", "/carts/c-1/items/SKU-9").orElseThrow();

        assertThat(match.route().routeKey()).isEqualTo("PATCH /carts/{cartId}/items/{sku}");
        assertThat(match.pathParameters()).isEqualTo(Map.of("cartId", "c-1", "sku", "SKU-9"));
    }

    @Test
    void prefersLiteralSegmentsThenTheExactMethodThenAny() {
        assertThat(table.match("GET", "/carts/mine").orElseThrow().route().routeKey()).isEqualTo("GET /carts/mine");
        assertThat(table.match("GET", "/carts/c-1").orElseThrow().route().routeKey()).isEqualTo("GET /carts/{cartId}");
        assertThat(table.match("DELETE", "/carts/c-1").orElseThrow().route().routeKey()).isEqualTo("ANY /carts/{cartId}");
    }

    @Test
    void givesAGreedyParameterTheRestOfThePathButNotAnEmptyOne() {
        assertThat(table.match("GET", "/assets/css/site.css").orElseThrow().pathParameters())
                .containsEntry("proxy", "css/site.css");
        assertThat(table.match("GET", "/assets").orElseThrow().route().isDefault()).isTrue();
    }

    @Test
    void fallsBackToTheDefaultRouteAndWithoutOneMatchesNothing() {
        assertThat(table.match("POST", "/nothing/here").orElseThrow().route().routeKey()).isEqualTo("$default");
        assertThat(new RouteTable(List.of(route("GET", "/carts/{cartId}"))).match("GET", "/carts/a/b")).isEmpty();
        assertThat(new RouteTable(List.of(route("GET", "/carts/{cartId}"))).match("GET", "/carts/")).isEmpty();
    }

    private static HttpRoute route(String method, String path) {
        return new HttpRoute("Fn", method + path, method, path, Optional.empty());
    }
}
