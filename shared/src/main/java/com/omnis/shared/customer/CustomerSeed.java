package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A demo customer as {@code seed/customers.json} writes it: a profile and the consent statements the
 * customer made, oldest first. Seeding writes the items directly (no events: the demo starts from here);
 * the customers function itself writes each statement with its event.
 */
public record CustomerSeed(String customerId, String name, String email, String phone, String locale, String timeZone,
                           List<Statement> consents) {

    /** One consent statement the demo customer made through {@code touchpoint} at {@code at}. */
    public record Statement(String purpose, String channel, boolean granted, Instant at, String touchpoint,
                            String wordingVersion) {
    }

    public CustomerSeed {
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    public CustomerProfile profile(Instant createdAt) {
        return new CustomerProfile(CustomerId.of(customerId), name, email == null ? null : Email.of(email),
                phone == null ? null : PhoneNumber.of(phone), locale == null ? null : Language.of(locale),
                timeZone == null ? null : TimeZones.of(timeZone), 1, createdAt, createdAt, Channel.WEB);
    }

    /** The items of the customer's partition: PROFILE, then the ledger and CONSENTS when there are statements. */
    public List<Map<String, AttributeValue>> items(Instant createdAt) {
        CustomerId id = CustomerId.of(customerId);
        List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(CustomerItems.toItem(profile(createdAt))));
        Consents consents = Consents.NONE;
        for (Statement s : this.consents) {
            Consent consent = new Consent(ConsentPurpose.of(s.purpose()), ContactChannel.of(s.channel()), s.granted(),
                    s.at(), Channel.parse(s.touchpoint()), Actor.customer(id), s.wordingVersion(), consents.version() + 1);
            items.add(CustomerItems.ledgerToItem(id, consent));
            consents = consents.with(consent);
        }
        if (consents.version() > 0) {
            items.add(CustomerItems.toItem(id, consents));
        }
        return items;
    }
}
