package com.omnis.notifications.senders;

import com.omnis.notifications.service.EmailSender;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Email through SES v2 {@code SendEmail}, simple content (SES builds the MIME: HTML and text parts) with
 * our headers ({@code List-Unsubscribe}). The configuration set routes bounces and complaints to the
 * event bus, where notifications suppresses the address.
 */
public final class SesEmailSender implements EmailSender {

    private final SesV2Client ses;
    private final String from;
    private final Optional<String> configurationSet;

    public SesEmailSender(SesV2Client ses, String from, Optional<String> configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        List<MessageHeader> headers = email.headers().entrySet().stream()
                .map(header -> MessageHeader.builder().name(header.getKey()).value(header.getValue()).build()).toList();
        Message message = Message.builder()
                .subject(utf8(email.subject()))
                .body(Body.builder().html(utf8(email.html())).text(utf8(email.text())).build())
                .headers(headers.isEmpty() ? null : headers)
                .build();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(email.to()).build())
                .content(EmailContent.builder().simple(message).build());
        configurationSet.ifPresent(request::configurationSetName);
        return ses.sendEmail(request.build()).messageId();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
