package com.omnis.local.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SNS {@code Publish} to a phone number (AWS query protocol: a form body {@code Action=Publish&PhoneNumber=…&Message=…},
 * an XML answer) on the local AWS endpoint: the text message lands in the {@link LocalOutbox}. Publishing to a
 * topic is not served locally.
 */
public final class SnsService implements LocalAwsService {

    private static final String XML = "text/xml";

    private final LocalOutbox outbox;
    private final Clock clock;

    public SnsService(LocalOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public boolean accepts(AwsRequest request) {
        return request.method().equals("POST") && request.contentType().startsWith("application/x-www-form-urlencoded")
                && request.body().contains("Version=2010-03-31");
    }

    @Override
    public AwsReply handle(AwsRequest request) {
        Map<String, String> form = form(request.body());
        if (!"Publish".equals(form.get("Action"))) {
            return error("InvalidAction", form.get("Action") + " is not served locally");
        }
        String phone = form.get("PhoneNumber");
        String message = form.get("Message");
        if (phone == null || !phone.matches("\\+[1-9][0-9]{6,14}")) {
            return error("InvalidParameter", "PhoneNumber must be E.164 (topics are not served locally)");
        }
        if (message == null || message.isBlank()) {
            return error("InvalidParameter", "Message is required");
        }
        outbox.record(LocalOutbox.Message.sms(phone, message, clock.instant()));
        return new AwsReply(200, XML, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>" + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
                + UUID.randomUUID() + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    private static AwsReply error(String code, String message) {
        return new AwsReply(400, XML, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message.replace("<", "&lt;") + "</Message></Error></ErrorResponse>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
