package com.omnis.local.template;

import java.util.List;

/**
 * A DynamoDB stream event source of a function.
 *
 * @param filterPatterns the {@code FilterCriteria} patterns (JSON), matched with Event Ruler on each record
 */
public record StreamSourceSpec(String id, String functionId, String tableId, String startingPosition,
                               int batchSize, List<String> filterPatterns, boolean enabled) {

    public StreamSourceSpec {
        filterPatterns = List.copyOf(filterPatterns);
    }
}
