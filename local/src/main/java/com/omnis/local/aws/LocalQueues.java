package com.omnis.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * SQS {@code SendMessage} (AWS JSON 1.0, {@code X-Amz-Target: AmazonSQS.SendMessage}) on the local AWS
 * endpoint: what functions send to a queue (the event relay's dead letters) is kept, per queue, for a
 * person to read at {@code GET /_local/queues}. Nothing consumes it: no template function has an SQS source.
 * The answer carries the MD5 digests the SDK checks.
 */
public final class LocalQueues implements LocalAwsService {

    private static final int CAPACITY = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as sent. */
    public record Message(String messageId, String body, Map<String, String> attributes, Instant sentAt) {
    }

    private final Map<String, Deque<Message>> queues = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalQueues(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean accepts(AwsRequest request) {
        return request.target().filter(target -> target.startsWith("AmazonSQS.")).isPresent();
    }

    @Override
    public AwsReply handle(AwsRequest request) {
        if (!request.target().orElseThrow().equals("AmazonSQS.SendMessage")) {
            return AwsReply.error(400, "UnsupportedOperation", request.target().get() + " is not served locally");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return AwsReply.error(400, "SerializationException", "the request body is not JSON");
        }
        String queue = queueName(body.path("QueueUrl").asText(""));
        String text = body.path("MessageBody").asText("");
        if (queue.isBlank() || text.isEmpty()) {
            return AwsReply.error(400, "MissingParameter", "QueueUrl and MessageBody are required");
        }
        Map<String, String> attributes = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        body.path("MessageAttributes").properties().forEach(attribute -> {
            attributes.put(attribute.getKey(), attribute.getValue().path("StringValue").asText());
            types.put(attribute.getKey(), attribute.getValue().path("DataType").asText("String"));
        });
        Message message = new Message(UUID.randomUUID().toString(), text, attributes, clock.instant());
        Deque<Message> kept = queues.computeIfAbsent(queue, name -> new ConcurrentLinkedDeque<>());
        kept.addFirst(message);
        while (kept.size() > CAPACITY) {
            kept.pollLast();
        }
        ObjectNode reply = JSON.createObjectNode().put("MessageId", message.messageId()).put("MD5OfMessageBody", md5(text));
        if (!attributes.isEmpty()) {
            reply.put("MD5OfMessageAttributes", attributesMd5(attributes, types));
        }
        return new AwsReply(200, "application/x-amz-json-1.0", reply.toString());
    }

    /** Queue name → its messages, newest first. */
    public Map<String, List<Message>> messages() {
        Map<String, List<Message>> all = new LinkedHashMap<>();
        queues.forEach((name, messages) -> all.put(name, new ArrayList<>(messages)));
        return all;
    }

    /** The last path segment of a queue URL; locally a {@code !Ref} of a queue is its logical id, taken as is. */
    private static String queueName(String url) {
        String trimmed = url.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String md5(String text) {
        return md5(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SQS's digest of string attributes: by name, each name, type and value length-prefixed, a transport byte 1. */
    private static String attributesMd5(Map<String, String> values, Map<String, String> types) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        values.forEach((name, value) -> {
            lengthPrefixed(bytes, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(bytes, types.get(name).getBytes(StandardCharsets.UTF_8));
            bytes.write(1);
            lengthPrefixed(bytes, value.getBytes(StandardCharsets.UTF_8));
        });
        return md5(bytes.toByteArray());
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
