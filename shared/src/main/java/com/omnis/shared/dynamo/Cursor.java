package com.omnis.shared.dynamo;

import com.omnis.shared.error.InvalidInputException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An opaque pagination cursor: DynamoDB's last evaluated key (string attributes) as base64url JSON. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** The key to resume from; a cursor this API did not hand out is a 400. */
    public static Map<String, AttributeValue> decode(String cursor) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, String> plain = Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            plain.forEach((name, value) -> {
                if (value == null) {
                    throw new IllegalArgumentException("null key part");
                }
                key.put(name, AttributeValue.fromS(value));
            });
            return key;
        } catch (Exception e) {
            throw InvalidInputException.of("query cursor", "is not a cursor returned by this API");
        }
    }
}
