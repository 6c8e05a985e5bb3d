package com.omnis.local.template;

import java.util.List;
import java.util.Map;

/**
 * A function of the template as the local runtime needs it.
 *
 * @param handler the template's {@code Handler}, {@code com.omnis.carts.CartsHandler::handleRequest}
 * @param environment Globals merged with the function's variables, intrinsics resolved to local names
 */
public record FunctionSpec(String logicalId, String codeUri, String handler, Map<String, String> environment,
                           int timeoutSeconds, int memorySize, List<HttpRoute> routes, List<ScheduleSpec> schedules,
                           List<StreamSourceSpec> streams) {

    public FunctionSpec {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
        streams = List.copyOf(streams);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The method Lambda calls: {@code handleRequest} unless the template names another. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
