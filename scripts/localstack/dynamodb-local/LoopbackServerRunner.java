import java.net.InetAddress;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * The main class of the DynamoDBLocal.jar that LocalStack runs ({@code java -jar DynamoDBLocal.jar -port N
 * -inMemory …}): DynamoDB Local's own request handler (tables and streams) on 127.0.0.1. DynamoDB Local's
 * {@code ServerRunner} listens on every interface, has no option to change that, and sends telemetry; the
 * local runtime's {@code LocalAwsServer} assembles the same server for the same reasons.
 */
public final class LoopbackServerRunner {

    private LoopbackServerRunner() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8000;
        boolean inMemory = false;
        String dbPath = null;
        boolean sharedDb = false;
        boolean delayTransientStatuses = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-port" -> port = Integer.parseInt(args[++i]);
                case "-inMemory" -> inMemory = true;
                case "-dbPath" -> dbPath = args[++i];
                case "-sharedDb" -> sharedDb = true;
                case "-delayTransientStatuses" -> delayTransientStatuses = true;
                // anything else ServerRunner takes (-cors, -optimizeDbBeforeStartup) must not be dropped unnoticed
                default -> throw new IllegalArgumentException("LoopbackServerRunner does not support " + args[i]);
            }
        }
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, inMemory, dbPath, sharedDb, delayTransientStatuses), null));
        jetty.start();
        System.out.println("DynamoDB Local on " + connector.getHost() + ":" + connector.getLocalPort()
                + (inMemory ? " in memory" : " in " + dbPath));
        jetty.join();
    }
}
