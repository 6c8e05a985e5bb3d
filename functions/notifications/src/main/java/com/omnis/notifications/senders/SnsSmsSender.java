package com.omnis.notifications.senders;

import com.omnis.notifications.service.SmsSender;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Text messages through SNS {@code Publish} to a phone number, sent as transactional (SNS' delivery
 * priority for messages a customer waits for) with the sender id the stores use.
 */
public final class SnsSmsSender implements SmsSender {

    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsSmsSender(SnsClient sns, String senderId) {
        this.sns = sns;
        this.attributes = Map.of(
                "AWS.SNS.SMS.SMSType", string("Transactional"),
                "AWS.SNS.SMS.SenderID", string(senderId));
    }

    @Override
    public String send(String phoneNumber, String text) {
        return sns.publish(r -> r.phoneNumber(phoneNumber).message(text).messageAttributes(attributes)).messageId();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
