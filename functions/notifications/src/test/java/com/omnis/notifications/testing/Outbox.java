package com.omnis.notifications.testing;

import com.omnis.notifications.service.EmailSender;
import com.omnis.notifications.service.SmsSender;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Senders that keep what they were asked to send; {@link #failNext} makes the next sends fail as a provider would. */
public final class Outbox implements EmailSender, SmsSender {

    public record Sms(String to, String text) {
    }

    public final List<Email> emails = new CopyOnWriteArrayList<>();
    public final List<Sms> sms = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    public void failNext(int sends) {
        failures.set(sends);
    }

    @Override
    public String send(Email email) {
        failIfAsked();
        emails.add(email);
        return UUID.randomUUID().toString();
    }

    @Override
    public String send(String phoneNumber, String text) {
        failIfAsked();
        sms.add(new Sms(phoneNumber, text));
        return UUID.randomUUID().toString();
    }

    private void failIfAsked() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the provider refused the message (throttled)");
        }
    }
}
