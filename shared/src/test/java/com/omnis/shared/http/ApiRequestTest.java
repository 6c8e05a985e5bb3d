package com.omnis.shared.http;

import com.omnis.shared.error.DomainException;
import com.omnis.shared.error.FieldError;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.omnis.shared.domain.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    record AddItem(String sku, int quantity) {
        AddItem {
            if (quantity < 1 || quantity > 99) {
                throw new IllegalArgumentException("quantity must be between 1 and 99");
            }
        }
    }

    record Wrapped(AddItem item) {
    }

    private static ApiRequest request(String body, Map<String, String> headers) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /carts/{cartId}/items")
                .withHeaders(headers)
                .withBody(body)
                .build());
    }

    private static Problem problemOf(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e.problem();
        } catch (DomainException e) {
            return Router.problemOf(e);
        }
        throw new AssertionError("expected a problem");
    }

    @Test
    void bindsAValidBody() {
        AddItem item = request("{\"sku\":\"SHOE-1\",\"quantity\":2}", Map.of()).body(AddItem.class);

        assertThat(item).isEqualTo(new AddItem("SHOE-1", 2));
    }

    @Test
    void malformedJsonIsA400ThatSaysWhere() {
        Problem problem = problemOf(() -> request("{\"sku\": ", Map.of()).body(AddItem.class));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).endsWith("/malformed-request");
        assertThat(problem.detail()).contains("not valid JSON");
    }

    @Test
    void aTruncatedNestedObjectIsMalformedNotAnInvalidField() {
        Problem problem = problemOf(() -> request("{\"item\":{\"sku\":\"SHOE-1\",\"quantity\":2", Map.of())
                .body(Wrapped.class));

        assertThat(problem.type()).endsWith("/malformed-request");
        assertThat(problem.detail()).contains("line 1");
    }

    @Test
    void aQuantitySentAsTextIsRejectedNamingTheField() {
        Problem problem = problemOf(() -> request("{\"sku\":\"SHOE-1\",\"quantity\":\"2\"}", Map.of()).body(AddItem.class));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("quantity");
    }

    @Test
    void aFractionalQuantityIsRejected() {
        Problem problem = problemOf(() -> request("{\"sku\":\"SHOE-1\",\"quantity\":1.5}", Map.of()).body(AddItem.class));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("quantity");
    }

    @Test
    void aConstructorRuleBecomesAFieldErrorWithItsMessage() {
        Problem problem = problemOf(() -> request("{\"sku\":\"SHOE-1\",\"quantity\":0}", Map.of()).body(AddItem.class));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("quantity must be between 1 and 99");
    }

    @Test
    void unknownFieldsAreNamed() {
        Problem problem = problemOf(() -> request("{\"sku\":\"SHOE-1\",\"quantity\":1,\"qty\":3}", Map.of()).body(AddItem.class));

        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("qty");
    }

    @Test
    void aBodyOver64KiBIs413() {
        String huge = "{\"sku\":\"" + "A".repeat(70_000) + "\",\"quantity\":1}";

        Problem problem = problemOf(() -> request(huge, Map.of()).body(AddItem.class));

        assertThat(problem.status()).isEqualTo(413);
    }

    @Test
    void aMissingBodyIs400() {
        assertThat(problemOf(() -> request(null, Map.of()).body(AddItem.class)).status()).isEqualTo(400);
    }

    @Test
    void theChannelHeaderIsRequiredAndMustBeKnown() {
        assertThat(request("", Map.of("x-channel", "mobile")).channel()).isEqualTo(Channel.MOBILE);
        assertThat(problemOf(() -> request("", Map.of()).channel()).errors())
                .extracting(FieldError::field).containsExactly("header X-Channel");
        assertThat(problemOf(() -> request("", Map.of("X-Channel", "fax")).channel()).detail())
                .contains("unknown channel 'fax'");
    }

    @Test
    void anOptionalChannelHeaderFallsBackWhenAbsentButMustBeKnownWhenSent() {
        assertThat(request("", Map.of()).channelOr(Channel.WEB)).isEqualTo(Channel.WEB);
        assertThat(request("", Map.of("x-channel", "Store")).channelOr(Channel.WEB)).isEqualTo(Channel.STORE);
        assertThat(problemOf(() -> request("", Map.of("X-Channel", "fax")).channelOr(Channel.WEB)).errors())
                .extracting(FieldError::field).containsExactly("header X-Channel");
    }

    @Test
    void ifMatchAcceptsQuotedAndWeakVersions() {
        assertThat(request("", Map.of("If-Match", "W/\"7\"")).ifMatchVersion()).contains(7L);
        assertThat(request("", Map.of("if-match", "\"3\"")).ifMatchVersion()).contains(3L);
        assertThat(problemOf(() -> request("", Map.of("If-Match", "abc")).ifMatchVersion()).status()).isEqualTo(400);
    }

    @Test
    void aBearerOnAGuestRouteWithoutVerifierIsUnauthorized() {
        Problem problem = problemOf(() -> request("", Map.of("Authorization", "Bearer abc")).caller());

        assertThat(problem.status()).isEqualTo(401);
    }

    @Test
    void aRouteThatNeverAsksWhoCallsIgnoresTheBearer() {
        ApiRequest request = request("{\"sku\":\"SHOE-1\",\"quantity\":2}", Map.of("Authorization", "Bearer abc"));

        assertThat(request.body(AddItem.class)).isEqualTo(new AddItem("SHOE-1", 2));
    }
}
