package com.omnis.bench;

import software.amazon.awssdk.core.SdkRequest;
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

/**
 * Asks every DynamoDB request made in the bench JVM for its consumed capacity and adds it up per
 * thread, read and write units apart, so a handler's cost is measured without touching its code. A
 * global interceptor (software/amazon/awssdk/global/handlers/execution.interceptors, written by
 * scripts/bench/perf): it applies to the handlers' clients and the bench's own alike.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    private static final ThreadLocal<double[]> UNITS = ThreadLocal.withInitial(() -> new double[3]);

    /** Starts counting on this thread from zero. */
    public static void reset() {
        UNITS.set(new double[3]);
    }

    /** read units, write units and DynamoDB requests on this thread since {@link #reset()} */
    public static double[] units() {
        return UNITS.get().clone();
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
        double[] units = UNITS.get();
        switch (context.response()) {
            case GetItemResponse r -> read(units, List.of(nullable(r.consumedCapacity())));
            case QueryResponse r -> read(units, List.of(nullable(r.consumedCapacity())));
            case ScanResponse r -> read(units, List.of(nullable(r.consumedCapacity())));
            case BatchGetItemResponse r -> read(units, r.consumedCapacity());
            case TransactGetItemsResponse r -> read(units, r.consumedCapacity());
            case PutItemResponse r -> write(units, List.of(nullable(r.consumedCapacity())));
            case UpdateItemResponse r -> write(units, List.of(nullable(r.consumedCapacity())));
            case DeleteItemResponse r -> write(units, List.of(nullable(r.consumedCapacity())));
            case BatchWriteItemResponse r -> write(units, r.consumedCapacity());
            case TransactWriteItemsResponse r -> write(units, r.consumedCapacity());
            default -> {
                return;
            }
        }
        units[2]++;
    }

    private static ConsumedCapacity nullable(ConsumedCapacity capacity) {
        return capacity == null ? ConsumedCapacity.builder().capacityUnits(0.0).build() : capacity;
    }

    private static void read(double[] units, List<ConsumedCapacity> capacities) {
        units[0] += sum(capacities);
    }

    private static void write(double[] units, List<ConsumedCapacity> capacities) {
        units[1] += sum(capacities);
    }

    private static double sum(List<ConsumedCapacity> capacities) {
        return capacities.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }
}
