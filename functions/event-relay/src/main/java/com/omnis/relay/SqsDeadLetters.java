package com.omnis.relay;

import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Dead letters as SQS messages: the letter as JSON in the body, its reason and outbox id as message
 * attributes (to sort them without reading bodies). A letter larger than a message sheds the item's
 * content, then the refused event (an event over 256 KiB); it always keeps the reason, the stream
 * position, the outbox id and the event id, which name the item in the outbox table for as long as the
 * table keeps it (7 days).
 */
public final class SqsDeadLetters implements DeadLetters {

    /** SQS's classic message limit (bodies and attributes), which every queue and emulator accepts. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** What the body may take: the attributes count against the same limit. */
    static final int MAX_BODY_BYTES = MAX_MESSAGE_BYTES - 1024;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(DeadLetter letter) {
        String message = fitting(letter);
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(message).messageAttributes(Map.of(
                "reason", text(letter.reason()),
                "outboxId", text(String.valueOf(letter.outboxId())))));
    }

    /** The letter as JSON, shed of the item's content and then of the event if a message cannot hold it. */
    static String fitting(DeadLetter letter) {
        for (DeadLetter candidate : List.of(letter, letter.withoutItem())) {
            String body = Json.write(candidate);
            if (body.getBytes(StandardCharsets.UTF_8).length <= MAX_BODY_BYTES) {
                return body;
            }
        }
        return Json.write(letter.withoutContent());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
