package com.omnis.shared.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.json.Json;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CustomerTest {

    @Test
    void readsAndWritesTheJsonItIsStoredAs() {
        Customer customer = new Customer("customer-1", "Camille Martin", "camille@example.fr", "+33612345678", "fr-FR",
                Channel.MOBILE);

        String json = Json.write(customer);

        assertThat(json).contains("\"preferredChannel\":\"mobile\"");
        assertThat(Json.read(json, Customer.class)).isEqualTo(customer);
        assertThat(customer.language()).isEqualTo(Locale.FRANCE);
    }

    @Test
    void refusesAProfileThatCannotBeReached() {
        assertThatThrownBy(() -> new Customer("c", "N", "not-an-email", null, "fr-FR", Channel.WEB))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> new Customer("c", "N", "a@b.fr", "0612345678", "fr-FR", Channel.WEB))
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> new Customer("c", "N", "a@b.fr", null, "", Channel.WEB))
                .hasMessageContaining("locale");
        assertThatThrownBy(() -> new Customer(" ", "N", "a@b.fr", null, "en-GB", Channel.WEB))
                .hasMessageContaining("customerId");
    }
}
