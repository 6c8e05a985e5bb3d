package com.omnis.notifications.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.notifications.service.EmailSender;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.aws.NeedsSesV2;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** The SES v2 sender against an AWS-compatible endpoint (scripts/aws-it: moto; LocalStack's free edition has no SES v2). */
@NeedsSesV2
class SesEmailSenderIT {

    private static SesV2Client ses;
    private static String sender;
    private static String configurationSet;

    @BeforeAll
    static void identityAndConfigurationSet() {
        ses = new AwsClients(AwsEndpoints.settingsFor("sesv2")).configure(SesV2Client.builder()).build();
        sender = AwsEndpoints.uniqueName("sender") + "@omnis.example";
        configurationSet = AwsEndpoints.uniqueName("messages");
        ses.createEmailIdentity(r -> r.emailIdentity(sender));
        ses.createConfigurationSet(r -> r.configurationSetName(configurationSet));
    }

    @AfterAll
    static void cleanUp() {
        ses.deleteConfigurationSet(r -> r.configurationSetName(configurationSet));
        ses.deleteEmailIdentity(r -> r.emailIdentity(sender));
        ses.close();
    }

    @Test
    void anEmailWithItsHtmlTextAndUnsubscribeHeadersIsAcceptedThroughTheConfigurationSet() {
        SesEmailSender email = new SesEmailSender(ses, sender, Optional.of(configurationSet));

        String id = email.send(new EmailSender.Email("camille.martin@example.fr", "Votre commande OM-7K3QX9ZB est confirmée",
                "<p>Total : <strong>129,99\u00a0€</strong></p>", "Total : 129,99\u00a0€\n",
                Map.of("List-Unsubscribe", "<https://shop.example/account/consents>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));

        assertThat(id).isNotBlank();
    }

    @Test
    void anUnverifiedSenderIsRefusedByTheProvider() {
        SesEmailSender email = new SesEmailSender(ses, "nobody@unverified.example", Optional.empty());

        assertThatThrownBy(() -> email.send(new EmailSender.Email("camille.martin@example.fr", "s", "<p>h</p>", "t", Map.of())))
                .isInstanceOf(SesV2Exception.class);
    }
}
