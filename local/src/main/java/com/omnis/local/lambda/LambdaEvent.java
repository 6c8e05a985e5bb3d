package com.omnis.local.lambda;

import java.util.function.Supplier;

/**
 * An event for a function, in the two forms a handler may ask for: the {@code aws-lambda-java-events}
 * object ({@code APIGatewayV2HTTPEvent}, {@code ScheduledEvent}, {@code DynamodbEvent}) and the JSON
 * Lambda sends on the wire, for handlers that take a {@code Map}, a string, a stream or their own type.
 */
public record LambdaEvent(Object typed, Supplier<Object> wire) {

    public static LambdaEvent of(Object typed, Object wire) {
        return new LambdaEvent(typed, () -> wire);
    }
}
