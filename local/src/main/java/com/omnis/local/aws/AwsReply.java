package com.omnis.local.aws;

import java.util.Map;

/** The answer of a local AWS service (with the few headers a protocol needs, such as REST JSON's error type). */
public record AwsReply(int status, String contentType, String body, Map<String, String> headers) {

    public static final String AWS_JSON = "application/x-amz-json-1.1";

    public AwsReply(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    public AwsReply {
        headers = Map.copyOf(headers);
    }

    public AwsReply withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new AwsReply(status, contentType, body, more);
    }

    public static AwsReply json(String body) {
        return new AwsReply(200, AWS_JSON, body);
    }

    /** An error in the shape the AWS SDKs read for JSON protocols ({@code __type} and {@code message}). */
    public static AwsReply error(int status, String type, String message) {
        return new AwsReply(status, AWS_JSON, "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
