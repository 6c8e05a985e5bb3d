package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.notifications.service.EmailSender;
import com.omnis.notifications.service.OrderNotKnownYetException;
import com.omnis.notifications.testing.NotificationsFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orders' events (samples in the contract's shape) become the right message, in the customer's language, on the right channel. */
class OrderMessagesTest {

    private NotificationsFixture fixture;

    @BeforeEach
    void customers() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-2", "Lucía García", "lucia.garcia@example.es", "+34612345678", "es-ES", "Atlantic/Canary")
                .add("customer-3", "Oliver Bennett", "oliver.bennett@example.co.uk", "+447700900123", "en-GB", "Europe/London")
                .add("customer-4", "Jonas Weber", "jonas.weber@example.de", null, "de-DE", "Europe/Berlin");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void orderPlacedSendsOneConfirmationEmailInFrenchWithTheTotalWrittenTheFrenchWay() {
        fixture.deliver(event("OrderPlaced"));

        assertThat(fixture.outbox.sms).isEmpty();
        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("camille.martin@example.fr");
            assertThat(email.subject()).isEqualTo("Votre commande OM-7K3QX9ZB est confirmée");
            assertThat(email.text()).contains("Bonjour Camille Martin,", "Total : 129,99\u00a0€", "2 × TEE-BLUE-M  30,00\u00a0€");
            assertThat(email.html()).contains("<html lang=\"fr\">", "<strong>129,99\u00a0€</strong>");
            assertThat(email.headers()).as("transactional: no unsubscribe").isEmpty();
        });
    }

    @Test
    void spanishAndEnglishCustomersReadTheirOwnLanguageAndMoney() {
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-es").put("customerId", "customer-2")));
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-en").put("customerId", "customer-3")));

        assertThat(fixture.outbox.emails).extracting(EmailSender.Email::subject)
                .containsExactly("Su pedido OM-7K3QX9ZB está confirmado", "Your order OM-7K3QX9ZB is confirmed");
        assertThat(fixture.outbox.emails.get(0).text()).contains("Total: 129,99\u00a0€");
        assertThat(fixture.outbox.emails.get(1).text()).contains("Total: €129.99");
    }

    @Test
    void aLocaleWeDoNotWriteInFallsBackToEnglish() {
        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-de").put("customerId", "customer-4")));

        assertThat(fixture.outbox.emails).singleElement()
                .satisfies(email -> assertThat(email.subject()).isEqualTo("Your order OM-7K3QX9ZB is confirmed"));
    }

    @Test
    void readyForPickupTextsAndEmailsTheStoresAddressAndOpeningHours() {
        fixture.deliver(event("OrderPlaced"));
        fixture.outbox.emails.clear();

        fixture.deliver(event("FulfilmentReadyForPickup"));

        assertThat(fixture.outbox.sms).singleElement().satisfies(sms -> {
            assertThat(sms.to()).isEqualTo("+33612345678");
            assertThat(sms.text()).contains("OM-7K3QX9ZB", "Omnis Paris Opéra", "24 boulevard des Capucines");
        });
        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Votre commande OM-7K3QX9ZB vous attend en magasin");
            assertThat(email.text()).contains("24 boulevard des Capucines", "75009 Paris", "Lundi : 10:00–20:00",
                    "Dimanche : fermé", "samedi 23 janvier 2027 à 20:00");
        });
    }

    @Test
    void shippedNamesTheCarrierAndTrackingNumber() {
        fixture.deliver(event("OrderPlaced", data -> data.put("customerId", "customer-3")));

        fixture.deliver(event("FulfilmentShipped"));

        assertThat(fixture.outbox.emails).last().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Your order OM-7K3QX9ZB is on its way");
            assertThat(email.text()).contains("Colissimo", "6A12345678901");
        });
    }

    @Test
    void deliveredAsksDidYouReceiveItWithTwoLinksSignedTheWayOrdersVerifies() throws Exception {
        fixture.deliver(event("OrderPlaced"));

        fixture.deliver(event("FulfilmentDelivered"));

        EmailSender.Email email = fixture.outbox.emails.getLast();
        assertThat(email.subject()).isEqualTo("Avez-vous bien reçu votre commande OM-7K3QX9ZB ?");
        String yes = link(email.text(), "Oui : ");
        String no = link(email.text(), "Non : ");
        assertThat(yes).endsWith("&received=true").startsWith("http://localhost:3000/orders/ord-3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a57/received?token=");
        assertThat(no).endsWith("&received=false");
        String token = java.net.URLDecoder.decode(yes.substring(yes.indexOf("token=") + 6, yes.indexOf('&')), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("ord-3f2a9c1e-7b4d-4e8a-9f10-2c6b8d4e1a57|delivery-confirmation|"
                + NotificationsFixture.MONDAY_MORNING.plus(java.time.Duration.ofDays(14)).getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(fixture.environment.get("ORDER_LINK_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(token.substring(token.indexOf('.') + 1)).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(("link|" + payload).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void returnReceivedTellsTheRefundAndAFailedPaymentSaysSo() {
        fixture.deliver(event("OrderPlaced"));

        fixture.deliver(event("ReturnReceived"));
        fixture.deliver(event("PaymentStatusChanged"));
        fixture.deliver(event("PaymentStatusChanged", data -> data.put("paymentStatus", "captured")));

        assertThat(fixture.outbox.emails).extracting(EmailSender.Email::subject).containsExactly(
                "Votre commande OM-7K3QX9ZB est confirmée",
                "Nous avons reçu votre retour (OM-7K3QX9ZB)",
                "Le paiement de votre commande OM-7K3QX9ZB a échoué");
        assertThat(fixture.outbox.emails.get(1).text()).contains("Remboursement : 15,00\u00a0€");
    }

    @Test
    void anOrderEventBeforeItsOrderPlacedIsRetriedByThePlatform() {
        assertThatThrownBy(() -> fixture.deliver(event("FulfilmentShipped"))).isInstanceOf(OrderNotKnownYetException.class);
        assertThat(fixture.outbox.emails).isEmpty();
    }

    @Test
    void aCustomerNameIsEscapedInTheHtmlPartAndLeftAsWrittenInTheText() {
        fixture.customers.add("customer-5", "<b>Zoé</b> & fils", "zoe@example.fr", null, "fr", "Europe/Paris");

        fixture.deliver(event("OrderPlaced", data -> data.put("orderId", "ord-zoe").put("customerId", "customer-5")));

        EmailSender.Email email = fixture.outbox.emails.getLast();
        assertThat(email.html()).contains("Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; fils,").doesNotContain("<b>Zoé</b>");
        assertThat(email.text()).contains("Bonjour <b>Zoé</b> & fils,");
    }

    private static String link(String text, String label) {
        int start = text.indexOf(label) + label.length();
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }
}
