package com.omnis.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.AvailabilityQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved-item alerts from inventory's events: back in stock ({@code BackInStock} of the web shop: it had none
 * and now has some) and running low ({@code LowStock} at any location, at most one alert per SKU and ISO week). Stock moves fast, so the channel's availability is read
 * again just before the message is asked for: an item already gone again gets no "back in stock" email.
 */
public final class StockNotifications {

    public static final List<String> EVENT_TYPES = List.of("BackInStock", "LowStock");

    /** Running-low alerts stop above this: "only 40 left" is not news. */
    public static final long RUNNING_LOW_AT_MOST = 10;

    private final Notifier notifier;
    private final CustomerDirectory customers;
    private final AvailabilityQuery availability;
    private final ProductRepository products;
    private final String storefrontUrl;

    public StockNotifications(Notifier notifier, CustomerDirectory customers, AvailabilityQuery availability,
                              ProductRepository products, String storefrontUrl) {
        this.notifier = notifier;
        this.customers = customers;
        this.availability = availability;
        this.products = products;
        this.storefrontUrl = storefrontUrl.replaceAll("/+$", "");
    }

    public List<Notifier.Outcome> on(DomainEvent event) {
        JsonNode data = event.data();
        Sku sku;
        try {
            sku = Sku.of(data.path("sku").asText());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        MessageKind kind = event.type().equals("BackInStock") ? MessageKind.BACK_IN_STOCK : MessageKind.RUNNING_LOW;
        // the emails link to the web shop, so its availability is the one that counts: one receipt at the
        // warehouse puts a SKU back for every channel it serves, and that must be one email, not four
        Channel channel = Channel.WEB;
        if (kind == MessageKind.BACK_IN_STOCK && !data.path("channel").asText("web").equals(Channel.WEB.code())) {
            return List.of();
        }
        List<String> savers = customers.saversOf(sku);
        if (savers.isEmpty()) {
            return List.of();
        }
        long available = availability.of(sku, channel).available();
        if (available <= 0 || (kind == MessageKind.RUNNING_LOW && available > RUNNING_LOW_AT_MOST)) {
            return List.of();
        }
        Optional<Product> product = products.find(sku);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sku", sku.value());
        model.put("productName", product.map(Product::name).orElse(sku.value()));
        product.map(Product::price).ifPresent(price -> model.put("price", price));
        model.put("available", available);
        model.put("productUrl", storefrontUrl + "/products/" + URLEncoder.encode(sku.value(), StandardCharsets.UTF_8));
        List<Notifier.Outcome> outcomes = new ArrayList<>();
        // LowStock comes per location and again at every sale below the threshold: one alert per SKU and week
        String key = kind == MessageKind.RUNNING_LOW
                ? "running-low:" + sku.value() + ":" + event.occurredAt().atZone(java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8)
                : event.id();
        for (String customerId : savers) {
            outcomes.addAll(notifier.notify(new MessageRequest(key, event.type(), event.occurredAt(), kind,
                    customerId, model, "sku/" + sku.value())));
        }
        return outcomes;
    }
}
