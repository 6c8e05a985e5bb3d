import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a function's handler from its built package the way Lambda does: a fresh JVM whose classpath
 * is the package root and lib/*, the no-argument constructor, one API Gateway v2 event. Prints the
 * response's status code (scripts/check_packages.py runs it on every package sam build made), then
 * the initialisation's and the first request's time (scripts/bench/perf times cold starts with it).
 * With {@code prime}, the handler's SnapStart priming runs between the two, as it would before the
 * snapshot, and its time is printed apart: the request then shows what priming leaves for a restored
 * container's first request (loading aside, which a snapshot also removes).
 *
 * usage: java -cp 'pkg:pkg/lib/*' InvokeHandler.java <handler class> <event.json> [prime]
 */
public class InvokeHandler {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        var mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        var event = mapper.readValue(Files.readString(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
        long constructing = System.nanoTime();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, Object>) Class.forName(args[0]).getConstructor().newInstance();
        Context context = (Context) Proxy.newProxyInstance(InvokeHandler.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAwsRequestId" -> "package-smoke";
                    case "getFunctionName" -> "package-smoke";
                    case "getRemainingTimeInMillis" -> 15_000;
                    case "getMemoryLimitInMB" -> 1024;
                    default -> null;
                });
        long constructed = System.nanoTime();
        if (args.length > 2 && args[2].equals("prime")) {
            long priming = System.nanoTime();
            // ApiHandler.priming(): Optional<Priming>; reflection keeps this launcher free of the kernel's classes
            var registered = java.util.Arrays.stream(handler.getClass().getMethods()).anyMatch(m -> m.getName().equals("priming"))
                    ? (java.util.Optional<?>) handler.getClass().getMethod("priming").invoke(handler) : java.util.Optional.empty();
            if (registered.isPresent()) {
                Object steps = registered.get();
                steps.getClass().getMethod("run").invoke(steps);
                System.out.println("prime-ns " + (System.nanoTime() - priming));
            }
        }
        long handling = System.nanoTime();
        Object response = handler.handleRequest(event, context);
        long answered = System.nanoTime();
        System.out.println("status " + mapper.valueToTree(response).path("statusCode").asInt());
        System.out.println("init-ns " + (constructed - constructing));
        System.out.println("request-ns " + (answered - handling));
    }
}
