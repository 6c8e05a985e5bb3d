package com.omnis.notifications.service;

/** Sends one text message (SNS in AWS); a failure throws, and nothing was sent. */
public interface SmsSender {

    /** The provider's message id. */
    String send(String phoneNumber, String text);
}
