package com.omnis.carts.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One shopper's cart, shared by every channel: lines (one per SKU), promotion codes, the channels
 * that changed it and when, who changed it ({@link CartTrail}: the agents acting for the customer,
 * the last change's actor), and a version that every change bumps (optimistic locking, ETag).
 * A guest cart expires {@link #GUEST_TTL} after its last change; a customer's cart does not.
 * A cart leaves {@code ACTIVE} once, merged into its customer's cart or checked out into an order.
 */
public record Cart(CartId id, CartOwner owner, String currency, CartStatus status, List<CartLine> lines,
                   Map<PromoCode, Instant> promoCodes, List<ChannelVisit> channels, long version,
                   Instant createdAt, Instant updatedAt, Optional<Instant> expiresAt, Optional<CartId> mergedInto,
                   Optional<CheckedOut> checkedOut, CartTrail trail) {

    /** Every line costs checkout a stock action: 50 keep a checkout one transaction (docs/orders.md, "Line limit"). */
    public static final int MAX_LINES = 50;
    public static final int MAX_PROMO_CODES = 5;
    public static final Duration GUEST_TTL = Duration.ofDays(30);

    /** The order a checked-out cart became, and when. */
    public record CheckedOut(String orderId, Instant at) {
        public CheckedOut {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(at, "at");
        }
    }

    private static final Comparator<CartLine> LINE_ORDER =
            Comparator.comparing(CartLine::addedAt).thenComparing(line -> line.sku().value());
    private static final Comparator<ChannelVisit> CHANNEL_ORDER =
            Comparator.comparing(ChannelVisit::firstSeenAt).thenComparing(ChannelVisit::channel);

    public Cart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(checkedOut, "checkedOut");
        trail = trail == null ? CartTrail.NONE : trail;
        lines = lines.stream().sorted(LINE_ORDER).toList();
        if (lines.stream().map(CartLine::sku).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("a cart has one line per SKU");
        }
        LinkedHashMap<PromoCode, Instant> codes = new LinkedHashMap<>();
        promoCodes.entrySet().stream()
                .sorted(Map.Entry.<PromoCode, Instant>comparingByValue()
                        .thenComparing(entry -> entry.getKey().value()))
                .forEach(entry -> codes.put(entry.getKey(), entry.getValue()));
        promoCodes = Collections.unmodifiableMap(codes);
        channels = channels.stream().sorted(CHANNEL_ORDER).toList();
    }

    /** A cart with no trail (as written before carts recorded who changed them). */
    public Cart(CartId id, CartOwner owner, String currency, CartStatus status, List<CartLine> lines,
                Map<PromoCode, Instant> promoCodes, List<ChannelVisit> channels, long version, Instant createdAt,
                Instant updatedAt, Optional<Instant> expiresAt, Optional<CartId> mergedInto, Optional<CheckedOut> checkedOut) {
        this(id, owner, currency, status, lines, promoCodes, channels, version, createdAt, updatedAt, expiresAt, mergedInto,
                checkedOut, CartTrail.NONE);
    }

    public static Cart newGuest(CartId id, String tokenHash, String currency, Channel channel, Instant at) {
        return new Cart(id, new CartOwner.Guest(tokenHash), currency, CartStatus.ACTIVE, List.of(), Map.of(),
                List.of(new ChannelVisit(channel, at, at)), 1, at, at, Optional.of(guestExpiryAfter(at)), Optional.empty(),
                Optional.empty(), CartTrail.NONE);
    }

    public static Cart newCustomer(CartId id, CustomerId customerId, String currency, Channel channel, Instant at) {
        return newCustomer(id, customerId, currency, channel, at, Optional.empty());
    }

    /** A customer's new cart, opened by {@code by} (the customer, or an agent acting for them). */
    public static Cart newCustomer(CartId id, CustomerId customerId, String currency, Channel channel, Instant at,
                                   Optional<Actor> by) {
        return new Cart(id, new CartOwner.Customer(customerId), currency, CartStatus.ACTIVE, List.of(), Map.of(),
                List.of(new ChannelVisit(channel, at, at)), 1, at, at, Optional.empty(), Optional.empty(), Optional.empty(),
                CartTrail.NONE.changedBy(by));
    }

    public Optional<CartLine> line(Sku sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    public boolean isActive() {
        return status == CartStatus.ACTIVE;
    }

    public Optional<CustomerId> customerId() {
        return owner instanceof CartOwner.Customer customer ? Optional.of(customer.customerId()) : Optional.empty();
    }

    public boolean isGuestCart() {
        return owner instanceof CartOwner.Guest;
    }

    public boolean isExpiredAt(Instant at) {
        return expiresAt.map(expiry -> !at.isBefore(expiry)).orElse(false);
    }

    /**
     * Whether this caller may see the cart: its customer, or whoever presents the guest token.
     * Anyone else is told the cart does not exist.
     */
    public boolean isOpenTo(Optional<CustomerId> customer, Optional<String> cartToken) {
        return switch (owner) {
            case CartOwner.Customer mine -> customer.filter(mine.customerId()::equals).isPresent();
            case CartOwner.Guest guest -> cartToken.filter(token -> CartToken.matches(token, guest.tokenHash())).isPresent();
        };
    }

    /** The expiry a change at {@code at} gives the cart: guest carts live {@link #GUEST_TTL} after their last change. */
    public Optional<Instant> expiryAfterChangeAt(Instant at) {
        return isGuestCart() ? Optional.of(guestExpiryAfter(at)) : Optional.empty();
    }

    /** Whole seconds: DynamoDB TTL counts in epoch seconds. */
    private static Instant guestExpiryAfter(Instant at) {
        return at.plus(GUEST_TTL).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The cart after {@code update}, or {@link CartChangedException} when its precondition does not
     * hold. The DynamoDB adapter states the same preconditions as condition expressions.
     */
    public Cart apply(CartUpdate update) {
        if (!isActive()) {
            throw new CartChangedException("the cart is " + status);
        }
        if (update.expectedVersion().isPresent() && update.expectedVersion().getAsLong() != version) {
            throw new CartChangedException("the cart is at version " + version);
        }
        List<CartLine> newLines = new ArrayList<>(lines);
        Map<PromoCode, Instant> newCodes = new LinkedHashMap<>(promoCodes);
        switch (update.edit()) {
            case CartEdit.AddLine add -> {
                if (line(add.line().sku()).isPresent() || lines.size() >= MAX_LINES) {
                    throw new CartChangedException("the line exists or the cart is full");
                }
                newLines.add(add.line());
            }
            case CartEdit.IncreaseQuantity increase -> {
                CartLine line = requireLine(increase.sku());
                if (!line.hasRoomFor(increase.by())) {
                    throw new CartChangedException("the line would exceed " + Quantity.MAX);
                }
                newLines.replaceAll(l -> l == line ? l.withQuantity(l.quantity().value() + increase.by().value()) : l);
            }
            case CartEdit.SetQuantity set -> {
                CartLine line = requireLine(set.sku());
                newLines.replaceAll(l -> l == line ? l.withQuantity(set.quantity()) : l);
            }
            case CartEdit.RemoveLine remove -> newLines.remove(requireLine(remove.sku()));
            case CartEdit.AddPromoCode add -> {
                if (promoCodes.containsKey(add.code()) || promoCodes.size() >= MAX_PROMO_CODES) {
                    throw new CartChangedException("the code is present or the cart has all its codes");
                }
                newCodes.put(add.code(), update.at());
            }
            case CartEdit.RemovePromoCode remove -> {
                if (newCodes.remove(remove.code()) == null) {
                    throw new CartChangedException("the code is not on the cart");
                }
            }
        }
        return new Cart(id, owner, currency, status, newLines, newCodes, touchedBy(update.channel(), update.at()),
                version + 1, createdAt, update.at(), update.expiresAt().or(() -> expiresAt), mergedInto, checkedOut,
                trail.changedBy(update.by()));
    }

    private CartLine requireLine(Sku sku) {
        return line(sku).orElseThrow(() -> new CartChangedException("no line for " + sku));
    }

    private List<ChannelVisit> touchedBy(Channel channel, Instant at) {
        return unite(channels, List.of(new ChannelVisit(channel, at, at)));
    }

    private static List<ChannelVisit> unite(List<ChannelVisit> first, List<ChannelVisit> second) {
        Map<Channel, ChannelVisit> visits = new LinkedHashMap<>();
        for (List<ChannelVisit> list : List.of(first, second)) {
            list.forEach(visit -> visits.merge(visit.channel(), visit, ChannelVisit::union));
        }
        return List.copyOf(visits.values());
    }

    /**
     * This cart with {@code guest}'s content folded in: quantities of a shared SKU summed up to
     * {@link Quantity#MAX}, new lines added oldest first while there is room, codes carried while
     * there is room, channels united.
     */
    public Cart mergedFrom(Cart guest, Channel channel, Instant at) {
        List<CartLine> merged = new ArrayList<>(lines);
        for (CartLine incoming : guest.lines()) {
            Optional<CartLine> existing = line(incoming.sku());
            if (existing.isPresent()) {
                merged.set(merged.indexOf(existing.get()),
                        existing.get().withQuantity(existing.get().quantity().plusCapped(incoming.quantity())));
            } else if (merged.size() < MAX_LINES) {
                merged.add(incoming);
            }
        }
        Map<PromoCode, Instant> codes = new LinkedHashMap<>(promoCodes);
        guest.promoCodes().forEach((code, addedAt) -> {
            if (codes.size() < MAX_PROMO_CODES) {
                codes.putIfAbsent(code, addedAt);
            }
        });
        List<ChannelVisit> visits = unite(unite(channels, guest.channels()), List.of(new ChannelVisit(channel, at, at)));
        return new Cart(id, owner, currency, status, merged, codes, visits, version + 1, createdAt, at, expiresAt,
                mergedInto, checkedOut, trail);
    }

    /** This guest cart, closed because its content now lives in {@code target}. */
    public Cart closedByMergeInto(CartId target, Channel channel, Instant at) {
        return new Cart(id, owner, currency, CartStatus.MERGED, lines, promoCodes, touchedBy(channel, at), version + 1,
                createdAt, at, expiresAt, Optional.of(target), checkedOut, trail);
    }

    /**
     * This cart, closed because it became order {@code orderId}: the same change the checkout's
     * conditional update makes in the table (active at the version the order was priced from).
     */
    public Cart checkedOutAs(String orderId, Instant at) {
        if (!isActive()) {
            throw new CartChangedException("the cart is " + status);
        }
        return new Cart(id, owner, currency, CartStatus.CHECKED_OUT, lines, promoCodes, channels, version + 1, createdAt,
                at, expiresAt, mergedInto, Optional.of(new CheckedOut(orderId, at)), trail);
    }
}
