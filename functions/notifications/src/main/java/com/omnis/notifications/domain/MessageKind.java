package com.omnis.notifications.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Every message the backend sends, with its purpose (the policy's classification) and the channels
 * it goes out on. The template of a kind is {@code templates/<code>/<language>.(txt|html|sms).mustache}.
 */
public enum MessageKind {
    ORDER_CONFIRMATION("order-confirmation", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    READY_FOR_PICKUP("ready-for-pickup", Purpose.TRANSACTIONAL, MessageChannel.SMS, MessageChannel.EMAIL),
    PICKUP_REMINDER("pickup-reminder", Purpose.TRANSACTIONAL, MessageChannel.SMS, MessageChannel.EMAIL),
    SHIPPED("shipped", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    RECEIVED_CHECK("received-check", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    RETURN_RECEIVED("return-received", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    PAYMENT_FAILED("payment-failed", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    PICKUP_EXPIRED("pickup-expired", Purpose.TRANSACTIONAL, MessageChannel.EMAIL),
    /** An agent sent the customer's cart back to them: on the one channel the agent chose ({@code Notifier#notifyOn}). */
    CART_SENT("cart-sent", Purpose.TRANSACTIONAL, MessageChannel.EMAIL, MessageChannel.SMS),
    ABANDONED_CART("abandoned-cart", Purpose.MARKETING, MessageChannel.EMAIL),
    SAVED_ITEM_REMINDER("saved-item-reminder", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL),
    BACK_IN_STOCK("back-in-stock", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL),
    RUNNING_LOW("running-low", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL),
    PRICE_DROP("price-drop", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL);

    private final String code;
    private final Purpose purpose;
    private final List<MessageChannel> channels;

    MessageKind(String code, Purpose purpose, MessageChannel... channels) {
        this.code = code;
        this.purpose = purpose;
        this.channels = List.of(channels);
    }

    public String code() {
        return code;
    }

    public Purpose purpose() {
        return purpose;
    }

    public List<MessageChannel> channels() {
        return channels;
    }

    public static MessageKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message kind " + code));
    }
}
