package com.omnis.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private final Signatures signatures = new Signatures("a-secret-of-enough-length");
    private final Instant now = Instant.parse("2026-06-15T10:00:00Z");

    @Test
    void aWebhookSignedOverTimestampAndBodyWithinFiveMinutesVerifies() {
        String timestamp = Long.toString(now.minusSeconds(299).getEpochSecond());
        String body = "{\"eventId\":\"e1\"}";

        assertThat(signatures.verifiesWebhook(timestamp, body, "v1=" + signatures.sign(timestamp + "." + body), now)).isTrue();
        assertThat(signatures.verifiesWebhook(timestamp, body + " ", "v1=" + signatures.sign(timestamp + "." + body), now)).isFalse();
        String old = Long.toString(now.minusSeconds(301).getEpochSecond());
        assertThat(signatures.verifiesWebhook(old, body, "v1=" + signatures.sign(old + "." + body), now)).isFalse();
        assertThat(signatures.verifiesWebhook(timestamp, body, "v1=zz", now)).isFalse();
    }

    @Test
    void aLinkTokenGrantsOneOrderAndPurposeUntilItExpires() {
        String token = signatures.issueLink("ord-1", "delivery-confirmation", now.plus(Duration.ofDays(14)));

        assertThat(signatures.verifyLink(token, now)).hasValueSatisfying(grant -> {
            assertThat(grant.orderId()).isEqualTo("ord-1");
            assertThat(grant.purpose()).isEqualTo("delivery-confirmation");
        });
        assertThat(signatures.verifyLink(token, now.plus(Duration.ofDays(15)))).isEmpty();
        assertThat(signatures.verifyLink(token.substring(0, token.length() - 2) + "xx", now)).isEmpty();
        assertThat(new Signatures("another-secret-entirely").verifyLink(token, now)).isEmpty();
    }

    @Test
    void orderNumbersUseCrockfordsAlphabetAndForgiveConfusableLetters() {
        OrderNumber number = OrderNumber.random(java.util.random.RandomGenerator.getDefault());

        assertThat(number.value()).matches("OM-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(OrderNumber.parse("om-7k3m9qxo").value()).isEqualTo("OM-7K3M9QX0");
    }
}
