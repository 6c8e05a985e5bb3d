package com.omnis.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks every DynamoDB request made in the bench JVM for its consumed capacity and adds up, read and
 * write units apart, what the metered thread and the threads it starts ask for (a handler reads stock on
 * virtual threads of its own), so a handler's cost is measured without touching its code; what the local
 * runtime does meanwhile on its own threads (relaying events, sending messages) is not counted. A global
 * interceptor (software/amazon/awssdk/global/handlers/execution.interceptors, written by
 * scripts/bench/perf): it applies to the handlers' clients and the bench's own alike.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    /** Whether a thread's requests count: set by {@link #reset()}, inherited by the threads that thread creates. */
    private static final InheritableThreadLocal<Boolean> METERED = new InheritableThreadLocal<>();
    /** read units, write units, requests of the metered threads */
    private static double[] units = new double[3];
    /** per table (its name without the stack's prefix): read and write units, where an operation's cost goes */
    private static Map<String, double[]> tables = new TreeMap<>();

    /** Starts counting from zero the requests of this thread and of the threads it starts; meter one call at a time. */
    public static synchronized void reset() {
        METERED.set(Boolean.TRUE);
        units = new double[3];
        tables = new TreeMap<>();
    }

    /** "table r/w" for every table touched since {@link #reset()}, e.g. {@code "OutboxTable 0/2"} */
    public static synchronized String perTable() {
        StringBuilder text = new StringBuilder();
        tables.forEach((table, units) -> text.append(text.isEmpty() ? "" : ", ").append(table)
                .append(' ').append(format(units[0])).append('/').append(format(units[1])));
        return text.toString();
    }

    private static String format(double units) {
        return units == Math.rint(units) ? Long.toString((long) units) : Double.toString(units);
    }

    /** read units, write units and DynamoDB requests since {@link #reset()} */
    public static synchronized double[] units() {
        return units.clone();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (METERED.get() != Boolean.TRUE) {
            return;
        }
        synchronized (CapacityMeter.class) {
            count(context.response());
        }
    }

    private static void count(SdkResponse response) {
        switch (response) {
            case GetItemResponse r -> read(List.of(nullable(r.consumedCapacity())));
            case QueryResponse r -> read(List.of(nullable(r.consumedCapacity())));
            case ScanResponse r -> read(List.of(nullable(r.consumedCapacity())));
            case BatchGetItemResponse r -> read(r.consumedCapacity());
            case TransactGetItemsResponse r -> read(r.consumedCapacity());
            case PutItemResponse r -> write(List.of(nullable(r.consumedCapacity())));
            case UpdateItemResponse r -> write(List.of(nullable(r.consumedCapacity())));
            case DeleteItemResponse r -> write(List.of(nullable(r.consumedCapacity())));
            case BatchWriteItemResponse r -> write(r.consumedCapacity());
            case TransactWriteItemsResponse r -> write(r.consumedCapacity());
            default -> {
                return;
            }
        }
        units[2]++;
    }

    private static ConsumedCapacity nullable(ConsumedCapacity capacity) {
        return capacity == null ? ConsumedCapacity.builder().capacityUnits(0.0).build() : capacity;
    }

    private static void read(List<ConsumedCapacity> capacities) {
        units[0] += sum(capacities);
        perTable(capacities, 0);
    }

    private static void write(List<ConsumedCapacity> capacities) {
        units[1] += sum(capacities);
        perTable(capacities, 1);
    }

    private static void perTable(List<ConsumedCapacity> capacities, int kind) {
        for (ConsumedCapacity c : capacities) {
            if (c.tableName() != null && c.capacityUnits() != null) {
                String table = c.tableName().replaceFirst("^.*?-(?=[A-Za-z]+$)", "");
                tables.computeIfAbsent(table, t -> new double[2])[kind] += c.capacityUnits();
            }
        }
    }

    private static double sum(List<ConsumedCapacity> capacities) {
        return capacities.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }
}
