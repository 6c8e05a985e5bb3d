package com.omnis.inventory.testing;

import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Temporary: DynamoDB Local in memory on a free loopback port, one per test JVM, with the
 * inventory tables as template.yaml declares them. Replaced by the local runtime's
 * EmbeddedDynamo (which reads template.yaml) once it is on main.
 */
public final class LocalDynamo {

    private static LocalDynamo instance;

    private final DynamoDBProxyServer server;
    private final DynamoDbClient client;
    private final URI endpoint;

    private LocalDynamo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(new String[]{"-inMemory", "-port", Integer.toString(port)});
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    public static synchronized LocalDynamo get() {
        if (instance == null) {
            try {
                instance = new LocalDynamo();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return instance;
    }

    public DynamoDbClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    private void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // the JVM is exiting
        }
    }

    /** Creates the inventory's tables (and the catalog tables it reads) with {@code suffix}; returns their names. */
    public java.util.Map<String, String> createTables(String suffix) {
        String stock = "stock-" + suffix;
        String reservations = "reservations-" + suffix;
        String idempotency = "idempotency-" + suffix;
        String outbox = "outbox-" + suffix;
        String locations = "locations-" + suffix;
        String products = "products-" + suffix;
        create(CreateTableRequest.builder().tableName(stock)
                .attributeDefinitions(s("sku"), s("slot"), s("stockLocation"))
                .keySchema(hash("sku"), range("slot"))
                .globalSecondaryIndexes(gsi("byLocation", "stockLocation", "sku")));
        create(CreateTableRequest.builder().tableName(reservations)
                .attributeDefinitions(s("reservationId"), s("openBucket"),
                        AttributeDefinition.builder().attributeName("expiresAt").attributeType(ScalarAttributeType.N).build())
                .keySchema(hash("reservationId"))
                .globalSecondaryIndexes(gsi("byExpiry", "openBucket", "expiresAt")));
        create(CreateTableRequest.builder().tableName(idempotency).attributeDefinitions(s("id")).keySchema(hash("id")));
        create(CreateTableRequest.builder().tableName(outbox).attributeDefinitions(s("id")).keySchema(hash("id"))
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_IMAGE).build()));
        create(CreateTableRequest.builder().tableName(locations).attributeDefinitions(s("locationId"))
                .keySchema(hash("locationId")));
        create(CreateTableRequest.builder().tableName(products).attributeDefinitions(s("sku")).keySchema(hash("sku")));
        return java.util.Map.of("STOCK_TABLE", stock, "RESERVATIONS_TABLE", reservations,
                "IDEMPOTENCY_TABLE", idempotency, "OUTBOX_TABLE", outbox, "LOCATIONS_TABLE", locations,
                "PRODUCTS_TABLE", products);
    }

    private void create(CreateTableRequest.Builder request) {
        client.createTable(request.billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    private static AttributeDefinition s(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    private static GlobalSecondaryIndex gsi(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash(hash), range(range))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }
}
