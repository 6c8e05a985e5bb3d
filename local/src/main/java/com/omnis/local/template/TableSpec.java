package com.omnis.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DynamoDB table of the template. Locally its name is its logical id ({@code CartsTable}): that
 * is what {@code !Ref} resolves to for the functions the local runtime hosts.
 *
 * @param attributes the attribute definitions, name → {@code S}, {@code N} or {@code B}
 * @param streamViewType {@code NEW_IMAGE}, {@code NEW_AND_OLD_IMAGES}… when the table has a stream
 * @param ttlAttribute the time-to-live attribute when TTL is enabled
 */
public record TableSpec(String logicalId, KeySpec key, Map<String, String> attributes,
                        List<IndexSpec> globalIndexes, List<IndexSpec> localIndexes,
                        Optional<String> streamViewType, Optional<String> ttlAttribute) {

    public TableSpec {
        attributes = Map.copyOf(attributes);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    /** The table's name in DynamoDB Local. */
    public String tableName() {
        return logicalId;
    }

    /** A partition key and an optional sort key. */
    public record KeySpec(String partitionKey, Optional<String> sortKey) {
    }

    /**
     * A secondary index.
     *
     * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     */
    public record IndexSpec(String name, KeySpec key, String projectionType, List<String> nonKeyAttributes) {
        public IndexSpec {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }
}
