package com.omnis.notifications.service;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;

/** The customers' saved items, as the reminder schedule reads them (a read port on the customers' table). */
public interface SavedItems {

    record Saved(String customerId, Sku sku, Instant savedAt, Money priceWhenSaved) {
    }

    /** Items saved between {@code from} and {@code to}, still saved. */
    List<Saved> savedBetween(Instant from, Instant to, int limit);
}
