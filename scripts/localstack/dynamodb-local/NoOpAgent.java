import java.lang.instrument.Instrumentation;

/**
 * The Java agent LocalStack puts on DynamoDB Local's command line ({@code -javaagent:ddb-local-loader-0.1.jar}).
 * LocalStack's own agent only lifts DynamoDB Local's limit of 20 global secondary indexes per table, which
 * no Omnis table comes near; LocalStack would download it from the internet, so scripts/localstack/install
 * builds this one, which changes nothing, under that name.
 */
public final class NoOpAgent {

    private NoOpAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // nothing to change: DynamoDB Local runs as it is
    }
}
