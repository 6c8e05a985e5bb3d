import com.omnis.local.aws.LocalAwsServer;
import java.util.Optional;

/**
 * DynamoDB Local on 127.0.0.1 and a free port, in memory, one database for every access key, as a
 * separate process for the AWS adapter ITs (scripts/aws-it runs this file with the local runtime's
 * classpath). Prints the endpoint, then serves until it is killed.
 */
public class DynamoDbLocal {
    public static void main(String[] args) throws InterruptedException {
        LocalAwsServer server = LocalAwsServer.start(0, Optional.empty(), true);
        System.out.println(server.endpoint());
        Thread.currentThread().join();
    }
}
