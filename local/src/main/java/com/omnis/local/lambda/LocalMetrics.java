package com.omnis.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics the functions sent, as CloudWatch would receive them: each function writes EMF
 * documents (Powertools' own, see {@code EmfMetrics}) and this reads them back, summing each metric
 * per function, for {@code GET /_local/metrics}.
 */
public final class LocalMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMetrics.class);

    /** One function's totals: the namespace and service its documents named, metric → sum. */
    public record FunctionMetrics(String namespace, String service, Map<String, Double> counts) {
    }

    private final Map<String, FunctionMetrics> byFunction = new TreeMap<>();

    /** Reads one EMF document that {@code functionId} wrote. */
    public synchronized void accept(String functionId, String document) {
        JsonNode emf;
        try {
            emf = Json.read(document, JsonNode.class);
        } catch (RuntimeException e) {
            LOG.warn("{} wrote a metrics document that is not JSON", functionId);
            return;
        }
        for (JsonNode directive : emf.at("/_aws/CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText();
            String service = emf.path("Service").asText("");
            FunctionMetrics current = byFunction.computeIfAbsent(functionId,
                    id -> new FunctionMetrics(namespace, service, new TreeMap<>()));
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText();
                current.counts().merge(name, sum(emf.path(name)), Double::sum);
            }
        }
    }

    /** EMF writes a metric's value as a number, or a list of them when it was put several times. */
    private static double sum(JsonNode value) {
        if (value.isArray()) {
            double total = 0;
            for (JsonNode each : value) {
                total += each.asDouble();
            }
            return total;
        }
        return value.asDouble();
    }

    /** Function id → its namespace, service and totals so far. */
    public synchronized Map<String, FunctionMetrics> snapshot() {
        Map<String, FunctionMetrics> copy = new LinkedHashMap<>();
        byFunction.forEach((id, metrics) -> copy.put(id,
                new FunctionMetrics(metrics.namespace(), metrics.service(), Map.copyOf(new TreeMap<>(metrics.counts())))));
        return copy;
    }
}
