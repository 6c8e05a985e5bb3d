package com.omnis.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.omnis.local.template.FunctionSpec;
import com.omnis.local.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one local invocation: the function's name, memory and deadline.
 * Handler tests use it too ({@link #forFunction}), so there is one test context in the project.
 */
public final class LocalContext implements Context {

    private static final int DEFAULT_MEMORY_MB = 1024;
    private static final int DEFAULT_TIMEOUT_SECONDS = 15;

    private final String functionName;
    private final int memoryMb;
    private final String requestId;
    private final long deadlineNanos;

    private LocalContext(String functionName, int memoryMb, int timeoutSeconds, String requestId) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.requestId = requestId;
        this.deadlineNanos = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    }

    LocalContext(FunctionSpec function, String requestId) {
        this(function.logicalId(), function.memorySize(), function.timeoutSeconds(), requestId);
    }

    /** A context for one invocation of {@code functionName} with the template's default memory and timeout. */
    public static LocalContext forFunction(String functionName) {
        return new LocalContext(functionName, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, UUID.randomUUID().toString());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + SamTemplate.DEFAULT_REGION + ":" + SamTemplate.ACCOUNT_ID + ":function:"
                + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return StandardErrorLogger.INSTANCE;
    }

    /** What {@code context.getLogger()} writes goes to the runtime's standard error, as Lambda sends it to CloudWatch. */
    private enum StandardErrorLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(message);
        }
    }
}
