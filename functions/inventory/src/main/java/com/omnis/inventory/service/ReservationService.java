package com.omnis.inventory.service;

import com.omnis.inventory.checkout.InsufficientStock;
import com.omnis.inventory.checkout.Shortfall;
import com.omnis.inventory.domain.Allocation;
import com.omnis.inventory.domain.HoldLimits;
import com.omnis.inventory.domain.HoldRequest;
import com.omnis.inventory.domain.OpenHolds;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.ReservationStatus;
import com.omnis.inventory.domain.StockChange;
import com.omnis.inventory.domain.StockEvents;
import com.omnis.inventory.domain.StockEvents.ReservationExpired;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.inventory.service.InventoryTransaction.Guard;
import com.omnis.inventory.service.InventoryTransaction.ReservationWrite;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.idempotency.Idempotency;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.idempotency.RequestFingerprint;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.Fulfilment;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds, commits, releases and expiries. A hold takes all its lines or none in one transaction,
 * each stock record conditioned on the version read; a commit is conditioned on the hold being
 * HELD and not expired at the transaction time, so an expired hold can never be committed.
 *
 * <p>Who may hold what (issue 8, "holds belong to checkout"): a hold's channel follows the caller.
 * Shoppers (customers, agents, any other signed-in account) hold for the remote channels only,
 * within {@link HoldLimits}; store staff hold on the {@code store} channel at their own store; ops
 * hold anything. Committing over HTTP is for ops alone: orders commit holds inside their checkout
 * transaction ({@code com.omnis.inventory.checkout}).
 */
public final class ReservationService {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationService.class);

    /** The channels a shopper's hold may be for: the touchpoints a customer uses by themselves. */
    static final Set<Channel> SHOPPER_CHANNELS = Set.of(Channel.WEB, Channel.MOBILE, Channel.KIOSK);
    /** An agent holds for the customer on the phone. */
    static final Set<Channel> AGENT_CHANNELS = Set.of(Channel.CALL_CENTER, Channel.WEB, Channel.MOBILE, Channel.KIOSK);

    private final InventoryStore store;
    private final Idempotency idempotency;
    private final CachedLocations locations;
    private final Clock clock;
    private final Retry retry;
    private final RandomGenerator random;
    private final HoldLimits limits;
    private final Metrics metrics;

    public ReservationService(InventoryStore store, Idempotency idempotency, CachedLocations locations, Clock clock,
                              Retry retry, RandomGenerator random, HoldLimits limits, Metrics metrics) {
        this.store = store;
        this.idempotency = idempotency;
        this.locations = locations;
        this.clock = clock;
        this.retry = retry;
        this.random = random;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** For the sweeper, which only expires holds: it has no idempotency table and places no hold. */
    public static ReservationService expiryOnly(InventoryStore store, CachedLocations locations, Clock clock,
                                                Retry retry, RandomGenerator random, Metrics metrics) {
        return new ReservationService(store, null, locations, clock, retry, random, HoldLimits.DEFAULT, metrics);
    }

    /** A line merged with the other lines of the same SKU and location. */
    private record Wanted(Sku sku, long units, Optional<LocationId> locationId) {
    }

    // ---- hold --------------------------------------------------------------------------------

    /**
     * Places a hold once per idempotency key: the same key and request replay the first hold, the
     * same key with another request is a 422, a key still running a 409 with {@code Retry-After}.
     */
    public Idempotency.Outcome<ReservationView> hold(Caller caller, HoldRequest request, IdempotencyKey key,
                                                     String correlationId) {
        caller.requireAuthenticated();
        if (idempotency == null) {
            throw new IllegalStateException("this ReservationService was wired for expiry only");
        }
        boolean limited = requireMayHold(caller, request);
        Map<String, Location> known = locations.byId();
        List<Wanted> lines = merged(request.lines());
        Map<Wanted, List<Location>> candidates = new LinkedHashMap<>();
        for (Wanted line : lines) {
            candidates.put(line, candidatesFor(caller, request.channel(), line, known));
        }
        String id = ReservationId.random().value();
        Idempotency.Outcome<ReservationView> outcome = idempotency.run(key,
                RequestFingerprint.of(request.fingerprint()), ReservationView.class,
                completion -> retry.run(() -> place(caller, request, id, lines, candidates, known, limited, completion,
                        correlationId)));
        if (!outcome.replayed()) {
            metrics.count("HoldsPlaced");
        }
        return outcome;
    }

    private ReservationView place(Caller caller, HoldRequest request, String id, List<Wanted> lines,
                                  Map<Wanted, List<Location>> candidates, Map<String, Location> known, boolean limited,
                                  Idempotency.Completion completion, String correlationId) {
        Instant now = clock.instant();
        if (limited) {
            OpenHolds open = store.openHolds(caller.subject());
            if (!open.admits(request.units(), limits)) {
                metrics.count("HoldsRefused");
                throw new ConflictException("hold-limit-reached", "Too many open holds",
                        "a shopper keeps at most " + limits.openHolds() + " open holds of " + limits.units()
                                + " units in all; you hold " + open.units() + " units in " + open.holds()
                                + " holds; release one or check out first",
                        Map.of("openHolds", open.holds(), "openUnits", open.units(),
                                "maxOpenHolds", limits.openHolds(), "maxUnits", limits.units()));
            }
        }
        Set<Sku> skus = new LinkedHashSet<>();
        lines.forEach(line -> skus.add(line.sku()));
        StockChange change = new StockChange(store.positions(skus), known, random);
        List<Allocation> allocations = new ArrayList<>();
        Map<Sku, Shortfall> shortfalls = new LinkedHashMap<>();
        for (Wanted line : lines) {
            long remaining = line.units();
            List<Shortfall.Where> where = new ArrayList<>();
            for (Location location : candidates.get(line)) {
                PositionKey key = new PositionKey(line.sku(), location.locationId());
                long available = change.current(key).availableTo(request.channel());
                where.add(new Shortfall.Where(location.locationId(), available));
                long take = Math.min(remaining, available);
                if (take > 0) {
                    allocations.addAll(change.hold(key, take, request.channel()));
                    remaining -= take;
                }
            }
            if (remaining > 0) {
                long available = where.stream().mapToLong(Shortfall.Where::available).sum();
                shortfalls.merge(line.sku(), new Shortfall(line.sku().value(), line.units(), available, where),
                        (a, b) -> new Shortfall(a.sku(), a.requested() + b.requested(), a.available() + b.available(),
                                concat(a.locations(), b.locations())));
            }
        }
        if (!shortfalls.isEmpty()) {
            metrics.count("HoldsRefused");
            throw new InsufficientStock(List.copyOf(shortfalls.values())).conflict("held");
        }
        Reservation reservation = new Reservation(id, caller.subject(), request.channel(),
                request.reference().orElse(null), ReservationStatus.HELD, allocations, now,
                now.plus(request.ttl()), null, null, limited, 1);
        ReservationView view = ReservationView.of(reservation);
        write(change.plan("reservation-held", id, correlationId, now),
                new ReservationWrite(reservation, 0, Guard.NEW, limited ? Optional.of(limits) : Optional.empty()),
                Optional.of(completion.part(view)), List.of(), now);
        return view;
    }

    /**
     * Refuses a hold the caller may not place; says whether it counts against the shopper's limits.
     * The channel follows the caller: a shopper cannot claim the till ({@code store}) and what safety
     * stock keeps back for it; staff hold at their own store's till only.
     */
    private static boolean requireMayHold(Caller caller, HoldRequest request) {
        if (caller.isIn(Caller.OPS)) {
            return false;
        }
        if (caller.isIn(Caller.STORE_STAFF)) {
            StockAccess.requireStaff(caller);
            if (request.channel() != Channel.STORE) {
                throw new ForbiddenException("store staff hold for their till (channel store) only");
            }
            for (HoldRequest.Line line : request.lines()) {
                line.locationId().ifPresent(location -> StockAccess.requireLocation(caller, location));
            }
            return false;
        }
        Set<Channel> allowed = caller.isIn(Caller.AGENT) ? AGENT_CHANNELS : SHOPPER_CHANNELS;
        if (!allowed.contains(request.channel())) {
            throw new ForbiddenException("a hold on the " + request.channel().code() + " channel is not yours to place;"
                    + " yours: " + String.join(", ", allowed.stream().map(Channel::code).sorted().toList()));
        }
        return true;
    }

    private List<Location> candidatesFor(Caller caller, Channel channel, Wanted line, Map<String, Location> known) {
        if (line.locationId().isPresent()) {
            String locationId = line.locationId().get().value();
            Location location = known.get(locationId);
            if (location == null) {
                throw new RuleViolationException("unknown-location", "Unknown location",
                        "no store or warehouse has id " + locationId,
                        List.of(new FieldError("lines.locationId", locationId + " is not a known location")));
            }
            if (!Fulfilment.serves(location, channel)) {
                throw new RuleViolationException("location-not-serving-channel", "Location does not serve the channel",
                        locationId + " does not serve the " + channel.code() + " channel",
                        List.of(new FieldError("lines.locationId", locationId + " does not serve " + channel.code())));
            }
            return List.of(location);
        }
        if (channel == Channel.STORE) {
            String store = caller.storeId().filter(known::containsKey).orElseThrow(() -> InvalidInputException.of(
                    "lines.locationId", "is required on the store channel (the store whose till holds the units)"));
            return List.of(known.get(store));
        }
        // delivery: warehouses first, then stores that ship
        return known.values().stream()
                .filter(l -> Fulfilment.of(l, channel).contains(Fulfilment.DELIVERY))
                .sorted(Comparator.comparing((Location l) -> l.isStore()).thenComparing(Location::locationId))
                .toList();
    }

    private static List<Wanted> merged(List<HoldRequest.Line> lines) {
        Map<String, Wanted> merged = new LinkedHashMap<>();
        for (HoldRequest.Line line : lines) {
            Wanted wanted = new Wanted(line.sku(), line.quantity().value(), line.locationId());
            merged.merge(line.sku().value() + "@" + line.locationId().map(LocationId::value).orElse(""), wanted,
                    (a, b) -> new Wanted(a.sku(), a.units() + b.units(), a.locationId()));
        }
        return List.copyOf(merged.values());
    }

    // ---- commit, release, expiry ----------------------------------------------------------------

    public ReservationView get(Caller caller, ReservationId id) {
        return ReservationView.of(owned(caller, id));
    }

    /**
     * Commits a live hold by hand (ops: a hold settled outside the checkout); committing again
     * returns the committed reservation. Orders commit through the checkout package, never here.
     */
    public ReservationView commit(Caller caller, ReservationId id, String correlationId) {
        caller.requireGroup(Caller.OPS);
        return retry.run(() -> {
            Reservation reservation = owned(caller, id);
            Instant now = clock.instant();
            switch (reservation.status()) {
                case COMMITTED -> {
                    return ReservationView.of(reservation);
                }
                case RELEASED, EXPIRED -> throw new ConflictException("reservation-closed", "Reservation closed",
                        "reservation " + id + " was " + reservation.status().code() + " and cannot be committed",
                        ReservationView.of(reservation));
                case HELD -> {
                    if (reservation.isExpiredAt(now)) {
                        throw new ConflictException("reservation-expired", "Reservation expired",
                                "reservation " + id + " expired at " + reservation.expiresAt() + "; hold the units again",
                                ReservationView.of(reservation));
                    }
                }
            }
            StockChange change = changeFor(reservation);
            reservation.allocations().forEach(change::commit);
            Reservation committed = reservation.commit(null, now);
            write(change.plan("reservation-committed", id.value(), correlationId, now),
                    new ReservationWrite(committed, reservation.version(), Guard.HELD_AND_LIVE), Optional.empty(),
                    List.of(), now);
            return ReservationView.of(committed);
        });
    }

    /**
     * Releases a hold; releasing again returns the closed reservation. A hold found already expired
     * is closed as EXPIRED, with its event, exactly as the sweeper would have.
     */
    public ReservationView release(Caller caller, ReservationId id, String correlationId) {
        return retry.run(() -> {
            Reservation reservation = owned(caller, id);
            return switch (reservation.status()) {
                case RELEASED, EXPIRED -> ReservationView.of(reservation);
                case COMMITTED -> throw new ConflictException("reservation-committed", "Reservation committed",
                        "reservation " + id + " was committed; return the goods instead", ReservationView.of(reservation));
                case HELD -> ReservationView.of(close(reservation, correlationId, clock.instant()));
            };
        });
    }

    /** What one sweep did: holds it expired, and holds it failed to expire (the next sweep retries those). */
    public record Sweep(int expired, int failed) {
    }

    /** Releases holds whose time is up, oldest first; returns how many it expired. */
    public int expireDue(int limit, String correlationId) {
        return sweep(limit, correlationId).expired();
    }

    /** As {@link #expireDue}, also telling how many due holds could not be expired this time. */
    public Sweep sweep(int limit, String correlationId) {
        Instant now = clock.instant();
        int expired = 0;
        int failed = 0;
        for (Reservation due : store.dueHolds(now, limit)) {
            try {
                boolean done = retry.run(() -> {
                    Reservation current = store.reservation(due.id()).orElse(null);
                    if (current == null || current.status() != ReservationStatus.HELD
                            || !current.isExpiredAt(clock.instant())) {
                        return false;
                    }
                    close(current, correlationId, clock.instant());
                    return true;
                });
                expired += done ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("could not expire reservation {}; the next sweep retries", due.id(), e);
                failed++;
            }
        }
        return new Sweep(expired, failed);
    }

    /** Gives the held units back: EXPIRED (with its event) if the hold's time is up, else RELEASED. */
    private Reservation close(Reservation reservation, String correlationId, Instant now) {
        StockChange change = changeFor(reservation);
        reservation.allocations().forEach(change::unhold);
        boolean expired = reservation.isExpiredAt(now);
        Reservation closed = reservation.close(expired ? ReservationStatus.EXPIRED : ReservationStatus.RELEASED, now);
        List<DomainEvent> extra = expired ? List.of(DomainEvent.of(StockEvents.RESERVATION_EXPIRED, StockEvents.SOURCE,
                now, "reservation/" + reservation.id(), expiredEvent(reservation), correlationId)) : List.of();
        write(change.plan(expired ? "reservation-expired" : "reservation-released", reservation.id(), correlationId, now),
                new ReservationWrite(closed, reservation.version(), expired ? Guard.HELD_AND_EXPIRED : Guard.HELD),
                Optional.empty(), extra, now);
        return closed;
    }

    private static ReservationExpired expiredEvent(Reservation reservation) {
        return new ReservationExpired(reservation.id(), reservation.channel(), reservation.reference(),
                reservation.expiresAt(), ReservationView.of(reservation).lines().stream()
                .map(l -> new ReservationExpired.Line(l.sku(), l.locationId(), l.quantity())).toList());
    }

    private StockChange changeFor(Reservation reservation) {
        Set<Sku> skus = new LinkedHashSet<>();
        reservation.allocations().forEach(a -> skus.add(a.sku()));
        return new StockChange(store.positions(skus), locations.byId(), random);
    }

    private void write(StockPlan plan, ReservationWrite reservation, Optional<TransactionPart> idempotency,
                       List<DomainEvent> extra, Instant now) {
        InventoryTransaction transaction = new InventoryTransaction(plan, List.of(reservation), Optional.empty(),
                idempotency, extra, now);
        if (transaction.actions() > Transaction.MAX_ACTIONS) {
            throw new RuleViolationException("reservation-too-large", "Reservation too large",
                    "this reservation touches too many stock records for one transaction; split it");
        }
        store.write(transaction);
    }

    /** The reservation if the caller placed it (or is ops); anyone else gets a 404, not a hint it exists. */
    private Reservation owned(Caller caller, ReservationId id) {
        caller.requireAuthenticated();
        return store.reservation(id.value())
                .filter(r -> caller.isIn(Caller.OPS) || caller.subject().equals(r.owner()))
                .orElseThrow(() -> new NotFoundException("no reservation " + id));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
