package com.omnis.local.aws;

/** The answer of a local AWS service. */
public record AwsReply(int status, String contentType, String body) {

    public static final String AWS_JSON = "application/x-amz-json-1.1";

    public static AwsReply json(String body) {
        return new AwsReply(200, AWS_JSON, body);
    }

    /** An error in the shape the AWS SDKs read for JSON protocols ({@code __type} and {@code message}). */
    public static AwsReply error(int status, String type, String message) {
        return new AwsReply(status, AWS_JSON, "{\"__type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
