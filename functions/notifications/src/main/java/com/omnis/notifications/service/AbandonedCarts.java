package com.omnis.notifications.service;

import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The abandoned-cart reminder (marketing: consent needed): a schedule finds a known customer's cart with
 * items that nobody touched for {@code idleFor}, and asks for one reminder per cart, ever (the claim is
 * keyed {@code cart:<cartId>}). A cart ordered (closed) or touched since is left alone, checked again
 * just before the message is asked for. Carts idle for more than {@link #TOO_OLD} are not worth a reminder.
 */
public final class AbandonedCarts {

    public static final Duration TOO_OLD = Duration.ofDays(7);
    static final int MAX_PER_RUN = 200;

    private final Notifier notifier;
    private final IdleCarts carts;
    private final ProductRepository products;
    private final String storefrontUrl;
    private final Clock clock;
    private final Duration idleFor;

    public AbandonedCarts(Notifier notifier, IdleCarts carts, ProductRepository products, String storefrontUrl,
                          Clock clock, Duration idleFor) {
        this.notifier = notifier;
        this.carts = carts;
        this.products = products;
        this.storefrontUrl = storefrontUrl.replaceAll("/+$", "");
        this.clock = clock;
        this.idleFor = idleFor;
    }

    /** Asks for the reminders that are due; returns how many carts were found idle. */
    public int remind() {
        Instant now = clock.instant();
        List<IdleCarts.IdleCart> idle = carts.idleBetween(now.minus(TOO_OLD), now.minus(idleFor), MAX_PER_RUN);
        for (IdleCarts.IdleCart found : idle) {
            carts.stillIdle(found.cartId(), found.updatedAt()).ifPresent(cart -> {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("cartUrl", storefrontUrl + "/cart");
                model.put("lines", cart.lines().stream().map(line -> Map.<String, Object>of("quantity", line.quantity(),
                        "name", products.find(line.sku()).map(Product::name).orElse(line.sku().value()))).toList());
                notifier.notify(new MessageRequest("cart:" + cart.cartId(), "CartIdle", cart.updatedAt(),
                        MessageKind.ABANDONED_CART, cart.customerId(), model, "cart/" + cart.cartId()));
            });
        }
        return idle.size();
    }
}
