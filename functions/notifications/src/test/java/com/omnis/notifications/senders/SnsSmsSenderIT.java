package com.omnis.notifications.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** The SNS text-message sender against an AWS-compatible endpoint (scripts/aws-it: moto, then LocalStack). */
class SnsSmsSenderIT {

    private static SnsClient sns;

    @BeforeAll
    static void client() {
        sns = new AwsClients(AwsEndpoints.settingsFor("sns")).configure(SnsClient.builder()).build();
    }

    @AfterAll
    static void close() {
        sns.close();
    }

    @Test
    void aTextMessageToAnE164NumberIsAccepted() {
        String id = new SnsSmsSender(sns, "Omnis").send("+33612345678",
                "Omnis : votre commande OM-7K3QX9ZB est prête au magasin Omnis Paris Opéra.");

        assertThat(id).isNotBlank();
    }

    @Test
    void aNumberThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> new SnsSmsSender(sns, "Omnis").send("06 12 34 56 78", "x")).isInstanceOf(SnsException.class);
    }
}
