package com.omnis.local.events;

import com.omnis.local.lambda.LambdaEvent;

/** Calls a function of the template by logical id (the runtime's {@code LocalFunctions::invoke}). */
@FunctionalInterface
public interface FunctionInvoker {

    Object invoke(String functionId, LambdaEvent event);
}
