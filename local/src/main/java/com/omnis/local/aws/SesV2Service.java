package com.omnis.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SES v2 {@code SendEmail} (REST JSON, {@code POST /v2/email/outbound-emails}) on the local AWS endpoint:
 * a function's SES client, pointed at {@code AWS_ENDPOINT_URL}, delivers into the {@link LocalOutbox}
 * instead of a mailbox. Simple content only (subject, HTML and text parts, headers), as the functions send it;
 * a raw or templated email is refused as SES would refuse a malformed one.
 */
public final class SesV2Service implements LocalAwsService {

    public static final String PATH = "/v2/email/outbound-emails";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalOutbox outbox;
    private final Clock clock;

    public SesV2Service(LocalOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public boolean accepts(AwsRequest request) {
        return request.method().equals("POST") && request.path().equals(PATH);
    }

    @Override
    public AwsReply handle(AwsRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return error("the request body is not JSON");
        }
        JsonNode to = body.path("Destination").path("ToAddresses");
        JsonNode simple = body.path("Content").path("Simple");
        if (!to.isArray() || to.isEmpty() || body.path("FromEmailAddress").asText("").isBlank()) {
            return error("FromEmailAddress and Destination.ToAddresses are required");
        }
        if (!simple.isObject() || simple.path("Subject").path("Data").asText("").isBlank()) {
            return error("Content.Simple with a Subject is required (raw and templated content are not served locally)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        simple.path("Headers").forEach(header -> headers.put(header.path("Name").asText(), header.path("Value").asText()));
        String text = simple.path("Body").path("Text").path("Data").asText(null);
        String html = simple.path("Body").path("Html").path("Data").asText(null);
        for (JsonNode address : to) {
            outbox.record(LocalOutbox.Message.email(body.path("FromEmailAddress").asText(), address.asText(),
                    simple.path("Subject").path("Data").asText(), text, html, headers, clock.instant()));
        }
        return new AwsReply(200, "application/json", "{\"MessageId\":\"" + UUID.randomUUID() + "\"}");
    }

    private static AwsReply error(String message) {
        return new AwsReply(400, "application/json", "{\"message\":\"" + message + "\"}")
                .withHeader("x-amzn-ErrorType", "BadRequestException");
    }
}
