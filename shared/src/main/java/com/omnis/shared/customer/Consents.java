package com.omnis.shared.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The current consent of a customer for each (purpose, channel) they made a statement about; a pair
 * never stated is not granted. {@code version} is the number of statements so far (0: none).
 */
public record Consents(List<Consent> current, long version) {

    public static final Consents NONE = new Consents(List.of(), 0);

    public Consents {
        current = current.stream()
                .sorted(Comparator.comparing(Consent::purpose).thenComparing(Consent::channel))
                .toList();
        if (version < 0) {
            throw new IllegalArgumentException("version is 0 or more");
        }
    }

    /** The last statement about this pair, if there was one. */
    public Optional<Consent> of(ConsentPurpose purpose, ContactChannel channel) {
        return current.stream().filter(c -> c.isFor(purpose, channel)).findFirst();
    }

    /** Whether a message for {@code purpose} may be sent on {@code channel}: only after a grant not withdrawn since. */
    public boolean granted(ConsentPurpose purpose, ContactChannel channel) {
        return of(purpose, channel).map(Consent::granted).orElse(false);
    }

    /** These consents with {@code statement} as the last word on its pair. */
    public Consents with(Consent statement) {
        List<Consent> next = new java.util.ArrayList<>(current.stream()
                .filter(c -> !c.isFor(statement.purpose(), statement.channel())).toList());
        next.add(statement);
        return new Consents(next, statement.sequence());
    }
}
