package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.busEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.notifications.testing.NotificationsFixture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent sent the customer's cart back (CartSentToCustomer): the link, on the channel the agent chose, once. */
class SentCartsTest {

    private static final String CART = "3f0c1b9e-8a57-4d2b-9c61-0d4a5e7f8b21";

    private NotificationsFixture fixture;
    private String cartUrl;

    @BeforeEach
    void customers() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", "+33612345678", "fr-FR", "Europe/Paris")
                .add("customer-3", "Oliver Bennett", "oliver.bennett@example.co.uk", "+447700900123", "en-GB", "Europe/London");
        cartUrl = fixture.environment.get("STOREFRONT_URL").replaceAll("/+$", "") + "/cart/" + CART;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Consumer<ObjectNode> data(Consumer<ObjectNode> patch) {
        return detail -> patch.accept((ObjectNode) detail.get("data"));
    }

    @Test
    void byEmailTheCustomerGetsTheLinkToTheirCartWithoutHavingConsentedToMarketing() {
        // when
        fixture.deliver(busEvent("CartSentToCustomer", detail -> { }));

        // then
        assertThat(fixture.outbox.sms).isEmpty();
        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.to()).isEqualTo("camille.martin@example.fr");
            assertThat(email.subject()).isEqualTo("Votre panier vous attend");
            assertThat(email.text()).contains("Bonjour Camille Martin,", cartUrl);
            assertThat(email.html()).contains("href=\"" + cartUrl + "\"");
            assertThat(email.headers()).as("transactional: no unsubscribe").isEmpty();
        });
    }

    @Test
    void bySmsTheLinkGoesToThePhoneOfTheProfileAndNoEmailLeaves() {
        // when
        fixture.deliver(busEvent("CartSentToCustomer", data(d -> d.put("channel", "sms").put("customerId", "customer-3"))));

        // then
        assertThat(fixture.outbox.emails).isEmpty();
        assertThat(fixture.outbox.sms).singleElement().satisfies(sms -> {
            assertThat(sms.to()).isEqualTo("+447700900123");
            assertThat(sms.text()).startsWith("Omnis: here is the cart").endsWith(cartUrl);
        });
    }

    @Test
    void aRedeliveredEventSendsNothingMore() {
        // when
        fixture.deliver(busEvent("CartSentToCustomer", detail -> { }));
        fixture.deliver(busEvent("CartSentToCustomer", detail -> { }));

        // then
        assertThat(fixture.outbox.emails).hasSize(1);
    }

    @Test
    void theLinkIsAlwaysOurStorefrontsWhateverPathTheEventSuggests() {
        // when
        fixture.deliver(busEvent("CartSentToCustomer", data(d -> d.put("linkPath", "https://phishing.example/cart"))));

        // then
        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.text()).contains(cartUrl).doesNotContain("phishing");
            assertThat(email.html()).doesNotContain("phishing");
        });
    }

    @Test
    void aChannelWeDoNotSendByOrACartIdThatIsNotOneSendsNothing() {
        // when
        NotificationsHandler.Report fax = fixture.deliver(busEvent("CartSentToCustomer", data(d -> d.put("channel", "fax"))));
        fixture.deliver(busEvent("CartSentToCustomer", data(d -> d.put("cartId", "../../account"))));

        // then
        assertThat(fax.outcomes()).isEmpty();
        assertThat(fixture.outbox.emails).isEmpty();
        assertThat(fixture.outbox.sms).isEmpty();
    }
}
