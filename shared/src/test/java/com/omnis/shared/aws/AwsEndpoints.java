package com.omnis.shared.aws;

import com.omnis.shared.config.Settings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the AWS adapter ITs ({@code *IT}, run by {@code scripts/aws-it}) send their calls, read from the
 * environment the way the AWS SDKs read it: {@code AWS_ENDPOINT_URL_<SERVICE>} for one service (DynamoDB
 * Local for {@code DYNAMODB}), else {@code AWS_ENDPOINT_URL} (moto, LocalStack), else AWS itself with the
 * usual region and credentials. So the same ITs run unchanged against moto, LocalStack or an account.
 */
public final class AwsEndpoints {

    private AwsEndpoints() {
    }

    /** Settings whose {@code AWS_ENDPOINT_URL} is the endpoint of {@code service} (e.g. "dynamodb", "events"). */
    public static Settings settingsFor(String service) {
        Map<String, String> values = new HashMap<>(System.getenv());
        String specific = System.getenv("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
        if (specific != null && !specific.isBlank()) {
            values.put("AWS_ENDPOINT_URL", specific);
        }
        values.putIfAbsent("AWS_REGION", System.getenv().getOrDefault("AWS_DEFAULT_REGION", "eu-west-1"));
        return Settings.of(values);
    }

    /** A name no other run uses, so ITs can share an endpoint (or an account) and clean up after themselves. */
    public static String uniqueName(String prefix) {
        return "omnis-it-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
