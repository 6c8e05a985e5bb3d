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

/** The Lambda {@link Context} of one local invocation: the function's name, memory and deadline. */
final class LocalContext implements Context {

    private final FunctionSpec function;
    private final String requestId;
    private final long deadlineNanos;

    LocalContext(FunctionSpec function, String requestId) {
        this.function = function;
        this.requestId = requestId;
        this.deadlineNanos = System.nanoTime() + Duration.ofSeconds(function.timeoutSeconds()).toNanos();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + SamTemplate.DEFAULT_REGION + ":" + SamTemplate.ACCOUNT_ID + ":function:"
                + function.logicalId();
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
        return function.memorySize();
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
