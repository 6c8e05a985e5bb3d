package com.omnis.customers.service;

import com.omnis.customers.domain.CustomerEvents;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Saved items, "save it and decide later": each keeps the price and availability the customer saw
 * when saving it, so a later price drop or return to stock can be told against what they saw. Saving
 * twice keeps the first sighting; removing what is not saved changes nothing. Each change and its
 * event ({@code ItemSaved}, {@code ItemUnsaved}) commit together.
 */
public final class SavedItemService {

    /** A list a person can still read, and a bound on the partition. */
    public static final int MAX_SAVED_ITEMS = 100;

    /** The saved item, and whether this call saved it. */
    public record Saved(SavedItem item, boolean created) {
    }

    private final CustomerStore store;
    private final ProductOffers offers;
    private final Clock clock;
    private final Retry retry;

    public SavedItemService(CustomerStore store, ProductOffers offers, Clock clock, Retry retry) {
        this.store = store;
        this.offers = offers;
        this.clock = clock;
        this.retry = retry;
    }

    public List<SavedItem> list(CustomerId customer) {
        return store.savedItems(customer);
    }

    public Saved save(CustomerId customer, Sku sku, Channel touchpoint, String correlationId) {
        return retry.run(() -> {
            Optional<SavedItem> existing = store.savedItem(customer, sku);
            if (existing.isPresent()) {
                return new Saved(existing.get(), false);
            }
            ProductOffers.Offer offer = offers.offer(sku, touchpoint)
                    .orElseThrow(() -> new NotFoundException("no product " + sku + " on sale"));
            if (store.savedItems(customer).size() >= MAX_SAVED_ITEMS) {
                throw new RuleViolationException("saved-items-full", "Too many saved items",
                        "at most " + MAX_SAVED_ITEMS + " items can be saved: remove one first");
            }
            SavedItem item = new SavedItem(customer, sku, clock.instant(), touchpoint, offer.unitPrice(),
                    offer.available());
            store.save(item, CustomerEvents.itemSaved(item, correlationId));
            return new Saved(item, true);
        });
    }

    /** Removes the item; true when it was saved. */
    public boolean unsave(CustomerId customer, Sku sku, Channel touchpoint, String correlationId) {
        return retry.run(() -> {
            if (store.savedItem(customer, sku).isEmpty()) {
                return false;
            }
            Instant at = clock.instant();
            store.unsave(customer, sku, CustomerEvents.itemUnsaved(customer, sku, touchpoint, at, correlationId));
            return true;
        });
    }
}
