package com.omnis.notifications.service;

import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.inventory.AvailabilityQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved-items schedule (saved-item alerts: consent needed): an item saved {@code after} ago and still
 * saved gets one reminder with today's price and how many are left; an item whose price fell below the
 * price seen when saved gets a price-drop alert instead, once per new price. The catalog publishes no
 * price event, so this schedule is where a price drop is noticed. Items saved more than {@link #TOO_OLD}
 * ago are left alone.
 */
public final class SavedItemReminders {

    public static final Duration TOO_OLD = Duration.ofDays(60);
    static final int MAX_PER_RUN = 500;

    private final Notifier notifier;
    private final SavedItems saved;
    private final ProductRepository products;
    private final AvailabilityQuery availability;
    private final String storefrontUrl;
    private final Clock clock;
    private final Duration after;

    public SavedItemReminders(Notifier notifier, SavedItems saved, ProductRepository products, AvailabilityQuery availability,
                              String storefrontUrl, Clock clock, Duration after) {
        this.notifier = notifier;
        this.saved = saved;
        this.products = products;
        this.availability = availability;
        this.storefrontUrl = storefrontUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.after = after;
    }

    /** Asks for the reminders and price-drop alerts that are due; returns how many saved items it looked at. */
    public int remind() {
        Instant now = clock.instant();
        List<SavedItems.Saved> items = saved.savedBetween(now.minus(TOO_OLD), now, MAX_PER_RUN);
        for (SavedItems.Saved item : items) {
            Optional<Product> product = products.find(item.sku()).filter(Product::active);
            if (product.isEmpty()) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("sku", item.sku().value());
            model.put("productName", product.get().name());
            model.put("productUrl", storefrontUrl + "/products/" + URLEncoder.encode(item.sku().value(), StandardCharsets.UTF_8));
            boolean cheaper = product.get().price().currency().equals(item.priceWhenSaved().currency())
                    && product.get().price().compareTo(item.priceWhenSaved()) < 0;
            if (cheaper) {
                model.put("oldPrice", item.priceWhenSaved());
                model.put("newPrice", product.get().price());
                notifier.notify(new MessageRequest("price-drop:" + item.sku().value() + ":" + product.get().price().amount(),
                        "SavedItemPriceDropped", now, MessageKind.PRICE_DROP, item.customerId(), model,
                        "sku/" + item.sku().value()));
            } else if (!item.savedAt().isAfter(now.minus(after))) {
                long left = availability.of(item.sku(), Channel.WEB).available();
                model.put("price", product.get().price());
                if (left > 0) {
                    model.put("available", left);
                }
                notifier.notify(new MessageRequest("saved-reminder:" + item.sku().value() + ":" + item.savedAt(),
                        "SavedItemReminderDue", now, MessageKind.SAVED_ITEM_REMINDER, item.customerId(), model,
                        "sku/" + item.sku().value()));
            }
        }
        return items.size();
    }
}
