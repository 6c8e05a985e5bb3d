package com.omnis.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.local.LocalClock;
import com.omnis.local.fixtures.CountingHandler;
import com.omnis.local.template.FunctionSpec;
import com.omnis.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Functions in the runtime's one JVM: each reads the runtime's clock and reports its metrics under its own service. */
class LocalFunctionTest {

    private static FunctionSpec spec(String id, String service) {
        return new FunctionSpec(id, ".", CountingHandler.class.getName() + "::handleRequest",
                Map.of("POWERTOOLS_METRICS_NAMESPACE", "Omnis", "POWERTOOLS_SERVICE_NAME", service), 15, 1024,
                List.of(), List.of(), List.of());
    }

    private final LocalClock clock = LocalClock.system();
    private final LocalMetrics metrics = new LocalMetrics();

    private LocalFunction load(String id, String service) {
        FunctionSpec spec = spec(id, service);
        return LocalFunction.load(spec, spec.environment(), clock, metrics::accept);
    }

    private static APIGatewayV2HTTPResponse call(LocalFunction function, String routeKey) {
        return (APIGatewayV2HTTPResponse) function.invoke(new LambdaEvent(CountingHandler.request(routeKey),
                () -> Map.of()));
    }

    @Test
    void eachFunctionsMetricsAreCollectedUnderItsIdAndService() {
        // given
        LocalFunction things = load("ThingsFunction", "things");
        LocalFunction other = load("OtherFunction", "other");

        // when
        call(things, "POST /things");
        call(things, "POST /things");
        call(things, "GET /broken");
        call(other, "GET /broken");

        // then
        assertThat(metrics.snapshot()).containsOnlyKeys("OtherFunction", "ThingsFunction");
        assertThat(metrics.snapshot().get("ThingsFunction")).isEqualTo(new LocalMetrics.FunctionMetrics("Omnis", "things",
                Map.of("ThingsMade", 4.0, "Http5xx", 1.0)));
        assertThat(metrics.snapshot().get("OtherFunction")).isEqualTo(new LocalMetrics.FunctionMetrics("Omnis", "other",
                Map.of("Http5xx", 1.0)));
    }

    @Test
    void aFunctionReadsTheRuntimesClock() throws Exception {
        // given
        LocalFunction things = load("ThingsFunction", "things");
        Instant moved = clock.advance(Duration.ofDays(3));

        // when
        APIGatewayV2HTTPResponse response = call(things, "POST /things");

        // then
        Instant seen = Instant.parse(Json.MAPPER.readTree(response.getBody()).path("now").asText());
        assertThat(seen).isBetween(moved, moved.plusSeconds(5));
    }
}
