package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.LYON;
import static com.omnis.inventory.testing.InventoryFixture.NICE;
import static com.omnis.inventory.testing.InventoryFixture.SHOE;
import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.inventory.testing.InventoryFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cursor is input: one that does not fit the key of the listing it resumes is a 400, never DynamoDB's 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedCursorTest {

    private InventoryFixture f;

    @BeforeAll
    void stock() {
        f = new InventoryFixture();
        f.receive(TEE, LYON, 4);
        f.receive(SHOE, LYON, 2);
        f.receive(TEE, NICE, 1);
        f.receive(SHOE, NICE, 1);
    }

    @AfterAll
    void close() {
        f.close();
    }

    private Http.Response stockAt(String locationId, String cursor) {
        Http.Request request = Http.request("GET", "/locations/{locationId}/stock", "/locations/" + locationId + "/stock")
                .path("locationId", locationId).query("limit", "1").as(As.ops());
        return f.http.send(cursor == null ? request : request.query("cursor", cursor));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "eyJ4IjoieSJ9",                                                                  // {"x":"y"}
            "{\"sku\":\"TEE-BLUE-M\"}",                                                      // a key part missing
            "{\"sku\":\"TEE-BLUE-M\",\"slot\":\"pos#store-lyon#0\",\"stockLocation\":7}",  // a number, not a string
            "{\"sku\":\"\",\"slot\":\"pos#store-lyon#0\",\"stockLocation\":\"store-lyon\"}", // an empty key part
            "{\"sku\":\"TEE-BLUE-M\",\"slot\":\"pos#store-lyon#0\",\"stockLocation\":\"store-lyon\",\"x\":\"y\"}",
            "[]",
            "%%%"})
    void aCursorThatDoesNotFitTheLocationIndexKeyIsABadRequest(String forged) {
        // when
        Http.Response response = stockAt(LYON, forged.startsWith("{") || forged.startsWith("[") ? base64(forged) : forged);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("query cursor");
    }

    @Test
    void aCursorOfAnotherLocationsListingIsABadRequest() {
        // given: a genuine cursor, handed out for another location
        String cursor = stockAt(NICE, null).body().get("nextCursor").asText();

        // when
        Http.Response response = stockAt(LYON, cursor);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("query cursor");
    }

    @Test
    void aCursorHandedOutResumesItsListing() {
        String cursor = stockAt(LYON, null).body().get("nextCursor").asText();

        Http.Response next = stockAt(LYON, cursor);

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().get("items")).extracting(n -> n.get("sku").asText()).containsExactly("TEE-BLUE-M");
    }
}
