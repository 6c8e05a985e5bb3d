package com.omnis.local.aws;

/**
 * A stand-in for one AWS service on the local AWS endpoint, next to DynamoDB Local. Functions
 * reach it through {@code AWS_ENDPOINT_URL}, like every other service, so the same client code
 * runs locally and in AWS. EventBridge {@code PutEvents} is one; SES and SNS outboxes plug in the same way.
 */
public interface LocalAwsService {

    /** Whether this service answers the request (by {@code X-Amz-Target}, path or form action). */
    boolean accepts(AwsRequest request);

    AwsReply handle(AwsRequest request);
}
