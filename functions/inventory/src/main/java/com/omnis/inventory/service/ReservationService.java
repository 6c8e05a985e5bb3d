package com.omnis.inventory.service;

import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.inventory.domain.Allocation;
import com.omnis.inventory.domain.HoldRequest;
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
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.Fulfilment;
import com.omnis.shared.inventory.PositionKey;
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
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds, commits, releases and expiries. A hold takes all its lines or none in one transaction,
 * each stock record conditioned on the version read; a commit is conditioned on the hold being
 * HELD and not expired at the transaction time, so an expired hold can never be committed.
 */
public final class ReservationService {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationService.class);

    private final InventoryStore store;
    private final CachedLocations locations;
    private final Clock clock;
    private final Retry retry;
    private final RandomGenerator random;

    public ReservationService(InventoryStore store, CachedLocations locations, Clock clock, Retry retry,
                              RandomGenerator random) {
        this.store = store;
        this.locations = locations;
        this.clock = clock;
        this.retry = retry;
        this.random = random;
    }

    /** Per SKU, what the channel could have had and where, when a hold cannot be served in full. */
    public record Shortfall(String sku, long requested, long available, List<Where> locations) {
        public record Where(String locationId, long available) {
        }
    }

    // ---- hold --------------------------------------------------------------------------------

    public ReservationView hold(Caller caller, HoldRequest request, String correlationId) {
        caller.requireAuthenticated();
        Map<String, Location> known = locations.byId();
        List<HoldRequest.Line> lines = merged(request.lines());
        Map<HoldRequest.Line, List<Location>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            candidates.put(lines.get(i), candidatesFor(caller, request.channel(), lines.get(i), known));
        }
        String id = "res-" + UUID.randomUUID();
        return retry.run(() -> {
            Instant now = clock.instant();
            Set<Sku> skus = new LinkedHashSet<>();
            lines.forEach(line -> skus.add(line.sku()));
            StockChange change = new StockChange(store.positions(skus), known, random);
            List<Allocation> allocations = new ArrayList<>();
            Map<Sku, Shortfall> shortfalls = new LinkedHashMap<>();
            for (HoldRequest.Line line : lines) {
                long remaining = line.quantity();
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
                    shortfalls.merge(line.sku(), new Shortfall(line.sku().value(), line.quantity(), available, where),
                            (a, b) -> new Shortfall(a.sku(), a.requested() + b.requested(), a.available() + b.available(),
                                    concat(a.locations(), b.locations())));
                }
            }
            if (!shortfalls.isEmpty()) {
                throw ProblemException.conflict("insufficient-stock", "Insufficient stock",
                        "not enough units for " + String.join(", ", shortfalls.keySet().stream().map(Sku::value).toList())
                                + "; nothing was held", Map.of("shortfalls", List.copyOf(shortfalls.values())));
            }
            Reservation reservation = new Reservation(id, caller.subject(), request.channel(),
                    request.reference().orElse(null), ReservationStatus.HELD, allocations, now,
                    now.plus(request.ttl()), null, null, 1);
            write(change.plan("reservation-held", id, correlationId, now),
                    new ReservationWrite(reservation, 0, Guard.NEW), List.of(), now);
            return ReservationView.of(reservation);
        });
    }

    /** The locations a line may be held at, in the order they are drawn from. */
    private List<Location> candidatesFor(Caller caller, Channel channel, HoldRequest.Line line,
                                         Map<String, Location> known) {
        if (line.locationId().isPresent()) {
            String locationId = line.locationId().get();
            Location location = known.get(locationId);
            if (location == null) {
                throw ProblemException.unprocessable("unknown-location", "Unknown location",
                        "no store or warehouse has id " + locationId,
                        List.of(new FieldError("lines.locationId", locationId + " is not a known location")));
            }
            if (!Fulfilment.serves(location, channel)) {
                throw ProblemException.unprocessable("location-not-serving-channel", "Location does not serve the channel",
                        locationId + " does not serve the " + channel.code() + " channel",
                        List.of(new FieldError("lines.locationId", locationId + " does not serve " + channel.code())));
            }
            return List.of(location);
        }
        if (channel == Channel.STORE) {
            String store = caller.storeId().filter(known::containsKey).orElseThrow(() -> ProblemException.invalid(
                    "lines.locationId", "is required on the store channel (the store whose till holds the units)"));
            return List.of(known.get(store));
        }
        // delivery: warehouses first, then stores that ship
        return known.values().stream()
                .filter(l -> Fulfilment.of(l, channel).contains(Fulfilment.DELIVERY))
                .sorted(Comparator.comparing((Location l) -> l.isStore()).thenComparing(Location::locationId))
                .toList();
    }

    private static List<HoldRequest.Line> merged(List<HoldRequest.Line> lines) {
        Map<String, HoldRequest.Line> merged = new LinkedHashMap<>();
        for (HoldRequest.Line line : lines) {
            merged.merge(line.sku().value() + "@" + line.locationId().orElse(""), line,
                    (a, b) -> new HoldRequest.Line(a.sku(), a.quantity() + b.quantity(), a.locationId()));
        }
        return List.copyOf(merged.values());
    }

    // ---- commit, release, expiry ----------------------------------------------------------------

    public ReservationView get(Caller caller, String id) {
        return ReservationView.of(owned(caller, id));
    }

    /** Commits a live hold; committing again returns the committed reservation. */
    public ReservationView commit(Caller caller, String id, String correlationId) {
        return retry.run(() -> {
            Reservation reservation = owned(caller, id);
            Instant now = clock.instant();
            switch (reservation.status()) {
                case COMMITTED -> {
                    return ReservationView.of(reservation);
                }
                case RELEASED, EXPIRED -> throw ProblemException.conflict("reservation-closed", "Reservation closed",
                        "reservation " + id + " was " + reservation.status().code() + " and cannot be committed",
                        ReservationView.of(reservation));
                case HELD -> {
                    if (reservation.isExpiredAt(now)) {
                        throw ProblemException.conflict("reservation-expired", "Reservation expired",
                                "reservation " + id + " expired at " + reservation.expiresAt() + "; hold the units again",
                                ReservationView.of(reservation));
                    }
                }
            }
            StockChange change = changeFor(reservation);
            reservation.allocations().forEach(change::commit);
            Reservation committed = reservation.commit(null, now);
            write(change.plan("reservation-committed", id, correlationId, now),
                    new ReservationWrite(committed, reservation.version(), Guard.HELD_AND_LIVE), List.of(), now);
            return ReservationView.of(committed);
        });
    }

    /**
     * Releases a hold; releasing again returns the closed reservation. A hold found already expired
     * is closed as EXPIRED, with its event, exactly as the sweeper would have.
     */
    public ReservationView release(Caller caller, String id, String correlationId) {
        return retry.run(() -> {
            Reservation reservation = owned(caller, id);
            return switch (reservation.status()) {
                case RELEASED, EXPIRED -> ReservationView.of(reservation);
                case COMMITTED -> throw ProblemException.conflict("reservation-committed", "Reservation committed",
                        "reservation " + id + " was committed; return the goods instead", ReservationView.of(reservation));
                case HELD -> ReservationView.of(close(reservation, correlationId, clock.instant()));
            };
        });
    }

    /** Releases holds whose time is up, oldest first; returns how many it expired. */
    public int expireDue(int limit, String correlationId) {
        Instant now = clock.instant();
        int expired = 0;
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
            }
        }
        return expired;
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
                extra, now);
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

    private void write(StockPlan plan, ReservationWrite reservation, List<DomainEvent> extra, Instant now) {
        InventoryTransaction transaction = new InventoryTransaction(plan, List.of(reservation), Optional.empty(),
                Optional.empty(), extra, now);
        if (transaction.actions() > Transaction.MAX_ACTIONS) {
            throw ProblemException.unprocessable("reservation-too-large", "Reservation too large",
                    "this reservation touches too many stock records for one transaction; split it", List.of());
        }
        store.write(transaction);
    }

    /** The reservation if the caller placed it (or is ops); anyone else gets a 404, not a hint it exists. */
    private Reservation owned(Caller caller, String id) {
        caller.requireAuthenticated();
        return store.reservation(id)
                .filter(r -> caller.isIn(Caller.OPS) || caller.subject().equals(r.owner()))
                .orElseThrow(() -> ProblemException.notFound("no reservation " + id));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
