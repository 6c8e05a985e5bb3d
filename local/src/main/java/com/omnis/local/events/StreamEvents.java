package com.omnis.local.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns DynamoDB Streams records (SDK v2) into what Lambda gives a stream function: a
 * {@link DynamodbEvent}, and its JSON ({@code {"Records":[{"eventName":"INSERT","dynamodb":{"NewImage":{"sku":{"S":…}}}}]}}),
 * the form {@code FilterCriteria} patterns are matched against.
 */
final class StreamEvents {

    private StreamEvents() {
    }

    static LambdaEvent event(List<Record> records, String streamArn) {
        DynamodbEvent typed = new DynamodbEvent();
        typed.setRecords(records.stream().map(record -> typed(record, streamArn)).toList());
        List<Object> wire = records.stream().map(record -> (Object) wire(record, streamArn)).toList();
        return LambdaEvent.of(typed, Map.of("Records", wire));
    }

    static Map<String, Object> wire(Record record, String streamArn) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        var stream = record.dynamodb();
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        }
        if (stream.hasKeys()) {
            dynamodb.put("Keys", wireImage(stream.keys()));
        }
        if (stream.hasNewImage()) {
            dynamodb.put("NewImage", wireImage(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.put("OldImage", wireImage(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("eventID", record.eventID());
        wire.put("eventName", record.eventNameAsString());
        wire.put("eventVersion", record.eventVersion());
        wire.put("eventSource", "aws:dynamodb");
        wire.put("awsRegion", SamTemplate.DEFAULT_REGION);
        wire.put("dynamodb", dynamodb);
        wire.put("eventSourceARN", streamArn);
        return wire;
    }

    private static DynamodbEvent.DynamodbStreamRecord typed(Record record, String streamArn) {
        var stream = record.dynamodb();
        StreamRecord typedStream = new StreamRecord();
        if (stream.approximateCreationDateTime() != null) {
            typedStream.setApproximateCreationDateTime(Date.from(stream.approximateCreationDateTime()));
        }
        if (stream.hasKeys()) {
            typedStream.setKeys(typedImage(stream.keys()));
        }
        if (stream.hasNewImage()) {
            typedStream.setNewImage(typedImage(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            typedStream.setOldImage(typedImage(stream.oldImage()));
        }
        typedStream.setSequenceNumber(stream.sequenceNumber());
        typedStream.setSizeBytes(stream.sizeBytes());
        if (stream.streamViewType() != null) {
            typedStream.setStreamViewType(StreamViewType.fromValue(stream.streamViewTypeAsString()));
        }
        DynamodbEvent.DynamodbStreamRecord typed = new DynamodbEvent.DynamodbStreamRecord();
        typed.setEventID(record.eventID());
        typed.setEventName(record.eventNameAsString());
        typed.setEventVersion(record.eventVersion());
        typed.setEventSource("aws:dynamodb");
        typed.setAwsRegion(SamTemplate.DEFAULT_REGION);
        typed.setDynamodb(typedStream);
        typed.setEventSourceARN(streamArn);
        return typed;
    }

    private static Map<String, Object> wireImage(Map<String, AttributeValue> image) {
        Map<String, Object> wire = new LinkedHashMap<>();
        image.forEach((name, value) -> wire.put(name, wireValue(value)));
        return wire;
    }

    private static Map<String, Object> wireValue(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case B -> Map.of("B", base64(value.b()));
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            case BS -> Map.of("BS", value.bs().stream().map(StreamEvents::base64).toList());
            case M -> Map.of("M", wireImage(value.m()));
            case L -> Map.of("L", value.l().stream().map(StreamEvents::wireValue).toList());
            case UNKNOWN_TO_SDK_VERSION -> Map.of();
        };
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> typedImage(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> typed = new LinkedHashMap<>();
        image.forEach((name, value) -> typed.put(name, typedValue(value)));
        return typed;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue typedValue(AttributeValue value) {
        var typed = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> typed.setS(value.s());
            case N -> typed.setN(value.n());
            case B -> typed.setB(value.b().asByteBuffer());
            case BOOL -> typed.setBOOL(value.bool());
            case NUL -> typed.setNULL(true);
            case SS -> typed.setSS(value.ss());
            case NS -> typed.setNS(value.ns());
            case BS -> typed.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> typed.setM(typedImage(value.m()));
            case L -> typed.setL(new ArrayList<>(value.l().stream().map(StreamEvents::typedValue).toList()));
            case UNKNOWN_TO_SDK_VERSION -> {
                // a type newer than this SDK: left empty
            }
        }
        return typed;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
