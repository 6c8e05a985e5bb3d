package com.omnis.notifications;

import static com.omnis.notifications.testing.NotificationsFixture.MONDAY_MORNING;
import static com.omnis.notifications.testing.NotificationsFixture.SHOE;
import static com.omnis.notifications.testing.NotificationsFixture.TEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.Purpose;
import com.omnis.notifications.service.EmailSender;
import com.omnis.notifications.testing.NotificationsFixture;
import com.omnis.shared.domain.Money;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saved-items schedule: a reminder a week after saving, with today's price and stock; a price drop when cheaper. */
class SavedItemRemindersTest {

    private NotificationsFixture fixture;
    private NotificationsScheduleHandler schedule;

    @BeforeEach
    void savers() {
        fixture = new NotificationsFixture();
        fixture.customers
                .add("customer-1", "Camille Martin", "camille.martin@example.fr", null, "fr", "Europe/Paris")
                .add("customer-3", "Oliver Bennett", "oliver.bennett@example.co.uk", null, "en", "Europe/London")
                .consent("customer-1", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true)
                .consent("customer-3", Purpose.SAVED_ITEM_ALERTS, MessageChannel.EMAIL, true);
        fixture.stock(TEE, 2);
        schedule = new NotificationsScheduleHandler(fixture.notifications);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aWeekAfterSavingTheCustomerIsRemindedOnceWithTodaysPriceAndWhatIsLeft() {
        fixture.saved("customer-1", TEE, MONDAY_MORNING.minus(Duration.ofDays(8)), Money.of(1500, "EUR"));

        schedule.handleRequest(Map.of("job", "saved-items"), null);
        fixture.clock.advance(Duration.ofDays(1));
        schedule.handleRequest(Map.of("job", "saved-items"), null);

        assertThat(fixture.outbox.emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Toujours intéressé par T-shirt <Bleu> & Co ?");
            assertThat(email.text()).contains("Il est à 15,00\u00a0€, et il en reste 2.");
        });
    }

    @Test
    void anItemNowCheaperThanWhenSavedGetsAPriceDropInsteadAndOnlyOncePerPrice() {
        fixture.saved("customer-3", SHOE, MONDAY_MORNING.minus(Duration.ofDays(2)), Money.of(12000, "EUR"));

        schedule.handleRequest(Map.of("job", "saved-items"), null);
        fixture.clock.advance(Duration.ofDays(1));
        schedule.handleRequest(Map.of("job", "saved-items"), null);

        assertThat(fixture.outbox.emails).extracting(EmailSender.Email::subject).containsExactly("Price drop: Running shoe 42");
        assertThat(fixture.outbox.emails.getFirst().text()).contains("goes from €120.00 to €99.99");
    }

    @Test
    void anItemSavedTwoDaysAgoAtTodaysPriceWaits() {
        fixture.saved("customer-1", TEE, MONDAY_MORNING.minus(Duration.ofDays(2)), Money.of(1500, "EUR"));

        schedule.handleRequest(Map.of("job", "saved-items"), null);

        assertThat(fixture.outbox.emails).isEmpty();
    }
}
