package com.omnis.local;

import com.omnis.local.aws.JwksService;
import com.omnis.local.aws.LocalAwsServer;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.template.FunctionSpec;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.template.TableSpec;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.privacy.LocalKeyWrapping;
import com.omnis.shared.privacy.PersonalData;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local in this JVM with every table of the template, named by logical id ({@code CartsTable}).
 *
 * <p>In tests: {@code EmbeddedDynamo.startWith(SamTemplate.load())} shares one in-memory server per JVM
 * and gives each instance its own set of tables (DynamoDB Local keeps one database per access key,
 * and each instance gets its own key), so test classes never see each other's items. Build a
 * handler with {@link #environmentFor} — exactly the variables Lambda would give it, pointing at
 * this server — or pass {@link #client()} to its test constructor. {@link #close()} drops the tables.
 */
public final class EmbeddedDynamo implements AutoCloseable {

    public static final String SECRET_KEY = "local";
    static final String RUNTIME_ACCESS_KEY = "omnislocal";

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static LocalAwsServer sharedServer;

    private final SamTemplate template;
    private final LocalAwsServer server;
    private final boolean ownsServer;
    private final String accessKey;
    private final AwsClients aws;
    private final DynamoDbClient client;
    private List<String> createdTables = List.of();

    private EmbeddedDynamo(SamTemplate template, LocalAwsServer server, boolean ownsServer, String accessKey) {
        this.template = template;
        this.server = server;
        this.ownsServer = ownsServer;
        this.accessKey = accessKey;
        this.aws = new AwsClients(Settings.of(awsEnvironment()));
        this.client = aws.dynamoDb();
    }

    /** The template's tables, fresh and empty, on this JVM's shared in-memory DynamoDB Local. */
    public static EmbeddedDynamo startWith(SamTemplate template) {
        EmbeddedDynamo dynamo = new EmbeddedDynamo(template, sharedServer(), false, "test" + NAMESPACES.incrementAndGet());
        dynamo.createTables();
        return dynamo;
    }

    /**
     * A DynamoDB Local of its own (the local runtime's), in memory or kept in {@code dataDir}, with
     * the template's tables: the ones already on disk are kept as they are.
     */
    public static EmbeddedDynamo start(SamTemplate template, Optional<Path> dataDir) {
        EmbeddedDynamo dynamo = on(startServer(dataDir), template);
        try {
            dynamo.createTables();
            return dynamo;
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }

    /** A server of its own for the local runtime, starting in the background: see {@link #on}. */
    static LocalAwsServer startServer(Optional<Path> dataDir) {
        LocalAwsServer server = LocalAwsServer.start(0, dataDir, true);
        server.serve(new JwksService());
        return server;
    }

    /**
     * The runtime's instance on its own server, before its tables exist: functions can be built
     * with {@link #environmentFor} while DynamoDB Local finishes starting; then {@link #createTables()}.
     */
    static EmbeddedDynamo on(LocalAwsServer server, SamTemplate template) {
        return new EmbeddedDynamo(template, server, true, RUNTIME_ACCESS_KEY);
    }

    /** Waits for DynamoDB Local and creates the template's tables that do not exist yet. */
    void createTables() {
        server.awaitReady();
        createdTables = createMissingTables();
    }

    private static synchronized LocalAwsServer sharedServer() {
        if (sharedServer == null) {
            sharedServer = LocalAwsServer.start(0, Optional.empty(), false);
            sharedServer.serve(new JwksService());
            Runtime.getRuntime().addShutdownHook(new Thread(sharedServer::close, "embedded-dynamo-stop"));
        }
        return sharedServer;
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbEnhancedClient enhancedClient() {
        return aws.dynamoDbEnhanced(client);
    }

    public DynamoDbStreamsClient streamsClient() {
        return aws.configure(DynamoDbStreamsClient.builder()).build();
    }

    public SamTemplate template() {
        return template;
    }

    /** The local AWS endpoint: DynamoDB Local, and the other local services served next to it. */
    public LocalAwsServer server() {
        return server;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Logical id → table name, for every table of the template. */
    public Map<String, String> tableNames() {
        Map<String, String> names = new LinkedHashMap<>();
        template.tables().forEach(table -> names.put(table.logicalId(), table.tableName()));
        return names;
    }

    /** The tables this instance created (all of them, unless they were already on disk). */
    public List<String> createdTables() {
        return createdTables;
    }

    /** What any AWS client needs to reach this server: endpoint, region and this instance's credentials. */
    public Map<String, String> awsEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", server.endpoint().toString());
        environment.put("AWS_REGION", template.region());
        environment.put("AWS_DEFAULT_REGION", template.region());
        environment.put("AWS_ACCESS_KEY_ID", accessKey);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return environment;
    }

    /**
     * The environment Lambda would give {@code functionId}: Globals and the function's variables with
     * {@code !Ref}s resolved to local names, the AWS endpoint of this server, and the development
     * token issuer ({@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWT_JWKS_URL}), and for a function given a
     * personal-data key the development master key ({@code PERSONAL_DATA_LOCAL_KEY}) that stands for KMS.
     */
    public Map<String, String> environmentFor(String functionId) {
        FunctionSpec function = template.function(functionId).orElseThrow(() -> new IllegalArgumentException(
                "no function " + functionId + " in the template; functions: "
                        + template.functions().stream().map(FunctionSpec::logicalId).collect(Collectors.joining(", "))));
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
        environment.putAll(awsEnvironment());
        environment.put("JWT_ISSUER", DevTokens.ISSUER);
        environment.put("JWT_AUDIENCE", DevTokens.AUDIENCE);
        environment.put("JWT_JWKS_URL", server.endpoint() + JwksService.PATH);
        if (function.environment().containsKey(PersonalData.KMS_KEY_SETTING)) {
            // the function seals personal data: KMS in AWS, here the development master key (its !Ref is empty)
            environment.putIfAbsent(PersonalData.LOCAL_KEY_SETTING, LocalKeyWrapping.DEVELOPMENT_KEY);
        }
        return environment;
    }

    /** Drops and recreates every table of the template: empty tables, same keys and indexes. */
    public void reset() {
        deleteTables();
        createMissingTables();
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        } else {
            deleteTables();
        }
        client.close();
    }

    private List<String> createMissingTables() {
        Set<String> existing = Set.copyOf(client.listTables().tableNames());
        List<String> created = new ArrayList<>();
        for (TableSpec table : template.tables()) {
            if (!existing.contains(table.tableName())) {
                DynamoTables.create(client, table);
                created.add(table.tableName());
            }
        }
        return List.copyOf(created);
    }

    private void deleteTables() {
        for (TableSpec table : template.tables()) {
            try {
                client.deleteTable(delete -> delete.tableName(table.tableName()));
            } catch (ResourceNotFoundException e) {
                // already gone: nothing to drop
            }
        }
    }
}
