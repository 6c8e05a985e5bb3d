package com.omnis.shared.aws;

import com.omnis.shared.config.Settings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients once per container: region and credentials set explicitly, the URL
 * connection HTTP client (the lightest cold start), and the endpoint taken from
 * {@code AWS_ENDPOINT_URL} when set, so the same code talks to AWS, DynamoDB Local, moto or LocalStack.
 */
public final class AwsClients {

    private final Settings settings;
    private final SdkHttpClient httpClient;

    public AwsClients(Settings settings) {
        this.settings = settings;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static AwsClients fromSettings() {
        return new AwsClients(Settings.current());
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public DynamoDbEnhancedClient dynamoDbEnhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    /** Applies the shared HTTP client, region, credentials and endpoint to any sync SDK client builder (EventBridge, SES, SNS…). */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(httpClient).region(region()).credentialsProvider(credentials());
        settings.find("AWS_ENDPOINT_URL").map(URI::create).ifPresent(builder::endpointOverride);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(15))
                .build());
        return builder;
    }

    public Region region() {
        return Region.of(settings.get("AWS_REGION", "eu-west-1"));
    }

    private AwsCredentialsProvider credentials() {
        var key = settings.find("AWS_ACCESS_KEY_ID");
        var secret = settings.find("AWS_SECRET_ACCESS_KEY");
        if (key.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        var token = settings.find("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(key.get(), secret.get()));
    }
}
