package com.omnis.shared.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An opaque pagination cursor: DynamoDB's last evaluated key (string attributes) as base64url JSON.
 *
 * <p>A cursor comes back from the client, so it is input like any other: it is decoded only against
 * the key shape of the table or index it resumes (exactly those attribute names, each a non-empty
 * string, and the partition the query reads). DynamoDB would refuse any other start key with a
 * validation error, a 500 to the caller; here it is a 400 on {@code query cursor}.
 */
public final class Cursor {

    private static final String FIELD = "query cursor";
    private static final String NOT_OURS = "is not a cursor returned by this API";

    private Cursor() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalArgumentException("a cursor holds string key attributes only, not " + name);
            }
            plain.put(name, value.s());
        });
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key to resume from, if {@code cursor} has exactly the attributes {@code keyAttributes} (the
     * table's key, plus the index's when a query reads an index), each a non-empty string.
     *
     * @throws InvalidInputException on {@code query cursor} for anything else
     */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes) {
        return decode(cursor, keyAttributes, Map.of());
    }

    /**
     * As {@link #decode(String, Set)}, the cursor also naming the partition the query reads:
     * {@code partition} maps the query's partition key attribute to the value it asks for.
     */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyAttributes,
                                                     Map<String, String> partition) {
        Map<String, String> plain;
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            plain = Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            throw InvalidInputException.of(FIELD, NOT_OURS);
        }
        boolean shaped = plain != null && plain.keySet().equals(keyAttributes)
                && plain.values().stream().allMatch(value -> value != null && !value.isEmpty())
                && partition.entrySet().stream().allMatch(part -> part.getValue().equals(plain.get(part.getKey())));
        if (!shaped) {
            throw InvalidInputException.of(FIELD, NOT_OURS);
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }

    /**
     * The attributes of a last evaluated key when reading {@code indexName} of the table {@code schema}
     * describes: the table's key and the index's ({@link TableMetadata#primaryIndexName()} for the table).
     */
    public static Set<String> keyAttributes(TableSchema<?> schema, String indexName) {
        TableMetadata metadata = schema.tableMetadata();
        Set<String> names = new LinkedHashSet<>();
        for (String index : Set.of(TableMetadata.primaryIndexName(), indexName)) {
            names.add(metadata.indexPartitionKey(index));
            metadata.indexSortKey(index).ifPresent(names::add);
        }
        names.forEach(name -> {
            if (metadata.scalarAttributeType(name).filter(type -> type == ScalarAttributeType.S).isEmpty()) {
                throw new IllegalArgumentException("a cursor holds string key attributes only, not " + name);
            }
        });
        return Set.copyOf(names);
    }
}
