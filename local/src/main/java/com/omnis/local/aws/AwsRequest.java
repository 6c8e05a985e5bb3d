package com.omnis.local.aws;

import java.util.Optional;

/**
 * A request to the local AWS endpoint that is not for DynamoDB.
 *
 * @param target the {@code X-Amz-Target} header of AWS JSON protocols ({@code AWSEvents.PutEvents}), if any
 */
public record AwsRequest(String method, String path, Optional<String> target, String contentType, String body) {
}
