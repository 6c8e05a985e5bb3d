package com.omnis.inventory.checkout;

import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.ReservationStatus;
import com.omnis.inventory.domain.StockChange;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.inventory.dynamo.DynamoInventoryStore;
import com.omnis.inventory.dynamo.InventoryWrite;
import com.omnis.inventory.service.InventoryTransaction;
import com.omnis.inventory.service.InventoryTransaction.Guard;
import com.omnis.inventory.service.InventoryTransaction.ReservationWrite;
import com.omnis.inventory.service.ReservationView;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.Ledger;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What inventory publishes for the checkout (the orders function): the stock parts of its
 * transactions, and the stock it sources from. Each method reads the current state, decides,
 * and returns a {@link StockPart} to write together with the order, the cart and the
 * idempotency record in one {@code Transaction}; a shortfall seen while deciding is thrown at
 * once, one that appears by the time the transaction runs is the part's refusal. Either way the
 * answer is the same 409 {@code insufficient-stock} whose {@code current} is an
 * {@link InsufficientStock}. A {@code StaleWriteException} from the transaction means "read and
 * decide again": build the parts again inside {@code Retry}.
 *
 * <p>Every part carries its outbox item with the {@code StockChanged} events of the positions it
 * touches ({@code reference} = the order or return id), exactly as stock movements do, in the
 * same transaction.
 */
public final class InventoryCheckout {

    /** Locations change a few times a year; one read a minute per container is plenty. */
    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);

    private final DynamoInventoryStore store;
    private final CachedLocations locations;
    private final Clock clock;
    private final RandomGenerator random;

    private InventoryCheckout(DynamoInventoryStore store, CachedLocations locations, Clock clock,
                              RandomGenerator random) {
        this.store = store;
        this.locations = locations;
        this.clock = clock;
        this.random = random;
    }

    /**
     * On the tables of {@code settings}: {@code STOCK_TABLE}, {@code RESERVATIONS_TABLE},
     * {@code OUTBOX_TABLE}, {@code LOCATIONS_TABLE}; time from {@code settings.clock()}.
     */
    public static InventoryCheckout wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings) {
        DynamoInventoryStore store = new DynamoInventoryStore(dynamo, new DynamoInventoryStore.Tables(
                settings.require("STOCK_TABLE"), settings.require("RESERVATIONS_TABLE"), settings.require("OUTBOX_TABLE")));
        CachedLocations locations = new CachedLocations(new DynamoLocationRepository(enhanced,
                settings.require("LOCATIONS_TABLE")), settings.clock(), LOCATIONS_MAX_AGE);
        return new InventoryCheckout(store, locations, settings.clock(), RandomGenerator.getDefault());
    }

    // ---- reads for sourcing --------------------------------------------------------------------

    /** Stock positions per SKU across every location, read strongly consistent (what the parts decide on). */
    public StockReader stock() {
        return store;
    }

    /** Availability per channel and location, by the one rule every channel shows ({@code AvailabilityQuery}). */
    public AvailabilityQuery availability() {
        return new AvailabilityQuery(store, locations);
    }

    // ---- parts ---------------------------------------------------------------------------------

    /**
     * Commits existing holds for {@code orderId}: their reserved units are sold (off the shelf, out of
     * the reserved count, {@code sold} in the ledger), each reservation COMMITTED with the order id,
     * {@code StockChanged} with reason {@code reservation-committed}. The write applies only while
     * each hold is still HELD and not expired at the time read here. A hold already committed for
     * this very order is skipped (a retried checkout commits nothing twice). The holds are the
     * caller's to vouch for: this does not check who placed them.
     *
     * @throws ConflictException {@code reservation-expired} (hold again, or {@link #take} the units)
     *                           or {@code reservation-closed} (released, expired, committed elsewhere, unknown)
     */
    public StockPart commitHolds(List<ReservationId> holds, String orderId, String correlationId) {
        return order(holds, Channel.WEB, List.of(), Map.of(), orderId, "reservation-committed", correlationId);
    }

    /**
     * Takes units that no hold has, in the same transaction as the order (an order placed without a
     * hold, a sale at the till): per line, on hand − reserved − the channel's safety stock must cover
     * the quantity, when decided and in the write condition; the units are sold as a till sale is
     * ({@code sold} in the ledger, {@code StockChanged} with reason {@code sale}, reference the order).
     * {@code channel} is the order's: it decides which safety stock is kept back.
     *
     * @throws ConflictException {@code insufficient-stock} naming each SKU short and what its location has
     */
    public StockPart take(Channel channel, List<StockLine> lines, String orderId, String correlationId) {
        return order(List.of(), channel, lines, Map.of(), orderId, "sale", correlationId);
    }

    /**
     * {@link #take}, decided on positions the caller read from {@link #stock()} for the same SKUs (a checkout
     * sources on them): not read again. The write is conditioned on their versions as on a fresh read's, so a
     * position changed since is refused as {@code insufficient-stock} or a version conflict, never oversold.
     */
    public StockPart take(Channel channel, List<StockLine> lines, Map<Sku, Map<String, StockPosition>> read, String orderId,
                          String correlationId) {
        return order(List.of(), channel, lines, read, orderId, "sale", correlationId);
    }

    /**
     * {@link #commitHolds} and {@link #take} as ONE part (reason {@code order-placed}): a DynamoDB
     * transaction may write an item once only, so a checkout whose held and taken lines share a
     * stock record must use this rather than the two parts side by side.
     */
    public StockPart place(List<ReservationId> holds, Channel channel, List<StockLine> take, String orderId,
                           String correlationId) {
        return order(holds, channel, take, Map.of(), orderId, "order-placed", correlationId);
    }

    private StockPart order(List<ReservationId> holds, Channel channel, List<StockLine> take,
                            Map<Sku, Map<String, StockPosition>> read, String orderId, String reason, String correlationId) {
        Instant now = clock.instant();
        List<Reservation> open = new ArrayList<>();
        for (ReservationId id : new LinkedHashSet<>(holds)) {
            Reservation reservation = store.reservation(id.value()).orElseThrow(() -> closed(id, null, "does not exist"));
            if (reservation.status() == ReservationStatus.COMMITTED && orderId.equals(reservation.orderId())) {
                continue;
            }
            requireLive(reservation, now);
            open.add(reservation);
        }
        Map<PositionKey, Long> wanted = merged(take);
        Map<String, Location> known = requireKnown(wanted.keySet());
        Set<Sku> skus = new LinkedHashSet<>(skus(wanted));
        open.forEach(r -> r.allocations().forEach(a -> skus.add(a.sku())));
        StockChange change = new StockChange(read.keySet().containsAll(skus) ? read : store.positions(skus), known, random);
        List<ReservationWrite> writes = new ArrayList<>();
        for (Reservation reservation : open) {
            reservation.allocations().forEach(change::commit);
            writes.add(new ReservationWrite(reservation.commit(orderId, now), reservation.version(), Guard.HELD_AND_LIVE));
        }
        InsufficientStock shortage = shortage(wanted, channel, change::current);
        if (!shortage.shortfalls().isEmpty()) {
            throw shortage.conflict("taken");
        }
        wanted.forEach((key, units) -> change.sell(key, units, channel));
        StockPlan plan = change.isEmpty() ? emptyPlan() : change.plan(reason, orderId, correlationId, now);
        return part(plan, writes, now, refused -> {
            for (InventoryWrite.Target target : refused) {
                if (target instanceof InventoryWrite.Hold hold) {
                    Optional<RuntimeException> closed = holdRefusal(ReservationId.of(hold.reservationId()));
                    if (closed.isPresent()) {
                        return closed;
                    }
                }
            }
            if (wanted.isEmpty() || refused.stream().noneMatch(t -> t instanceof InventoryWrite.Stock)) {
                return Optional.empty();
            }
            Map<Sku, Map<String, StockPosition>> fresh = store.positions(skus(wanted));
            InsufficientStock seen = shortage(wanted, channel, key -> fresh.getOrDefault(key.sku(), Map.of())
                    .getOrDefault(key.locationId(), StockPosition.empty(key.sku(), key.locationId())));
            return seen.shortfalls().isEmpty() ? Optional.empty() : Optional.of(seen.conflict("taken"));
        });
    }

    /** Why a hold refused the write, as it stands now; empty when it is still live (it only moved). */
    private Optional<RuntimeException> holdRefusal(ReservationId id) {
        Reservation current = store.reservation(id.value()).orElse(null);
        if (current == null) {
            return Optional.of(closed(id, null, "does not exist"));
        }
        try {
            requireLive(current, clock.instant());
            return Optional.empty();
        } catch (ConflictException e) {
            return Optional.of(e);
        }
    }

    /**
     * Puts sold units back on the shelf of the location they were sold from, for an order cancelled
     * before anything shipped or was collected, or a pickup never collected ({@code restocked} in the
     * ledger, {@code StockChanged} with the reason's code, reference the order). Conditions only on
     * what the events decided, so it is refused only as stale.
     */
    public StockPart release(List<StockLine> lines, String orderId, ReleaseReason reason, String correlationId) {
        return restock(lines, reason.code(), orderId, correlationId);
    }

    /**
     * A return received at {@code lines}' location (any store, not only the one that sold it): the
     * sellable units go back on its shelf ({@code restocked} in the ledger, {@code StockChanged} with
     * reason {@code return}, reference the return id). Quarantined or written-off units are not lines here.
     */
    public StockPart receiveReturn(List<StockLine> lines, String returnId, String correlationId) {
        return restock(lines, "return", returnId, correlationId);
    }

    private StockPart restock(List<StockLine> lines, String reason, String reference, String correlationId) {
        Instant now = clock.instant();
        Map<PositionKey, Long> units = merged(lines);
        Map<String, Location> known = requireKnown(units.keySet());
        StockChange change = new StockChange(store.positions(skus(units)), known, random);
        units.forEach((key, n) -> change.addOnHand(key, n, Ledger::restock));
        return part(change.plan(reason, reference, correlationId, now), List.of(), now, refused -> Optional.empty());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private StockPart part(StockPlan plan, List<ReservationWrite> reservations, Instant now,
                           Function<List<InventoryWrite.Target>, Optional<RuntimeException>> onRefused) {
        InventoryTransaction tx = new InventoryTransaction(plan, reservations, Optional.empty(), Optional.empty(),
                List.of(), now);
        return new StockPart(store.actions(tx), tx.events(), onRefused);
    }

    private static StockPlan emptyPlan() {
        return new StockPlan(List.of(), List.of(), List.of());
    }

    private static void requireLive(Reservation reservation, Instant now) {
        ReservationId id = ReservationId.of(reservation.id());
        switch (reservation.status()) {
            case HELD -> {
                if (reservation.isExpiredAt(now)) {
                    throw new ConflictException("reservation-expired", "Reservation expired",
                            "reservation " + id + " expired at " + reservation.expiresAt() + "; hold the units again",
                            ReservationView.of(reservation));
                }
            }
            case COMMITTED -> throw closed(id, reservation, "was committed for another order");
            case RELEASED, EXPIRED -> throw closed(id, reservation, "was " + reservation.status().code());
        }
    }

    private static ConflictException closed(ReservationId id, Reservation reservation, String why) {
        return new ConflictException("reservation-closed", "Reservation closed",
                "reservation " + id + " " + why + " and cannot be committed",
                reservation == null ? null : ReservationView.of(reservation));
    }

    private static Map<PositionKey, Long> merged(List<StockLine> lines) {
        Map<PositionKey, Long> merged = new LinkedHashMap<>();
        for (StockLine line : lines) {
            merged.merge(new PositionKey(line.sku(), line.locationId().value()), (long) line.quantity().value(), Long::sum);
        }
        return merged;
    }

    private static Set<Sku> skus(Map<PositionKey, Long> lines) {
        Set<Sku> skus = new LinkedHashSet<>();
        lines.keySet().forEach(key -> skus.add(key.sku()));
        return skus;
    }

    private Map<String, Location> requireKnown(Set<PositionKey> keys) {
        Map<String, Location> known = locations.byId();
        for (PositionKey key : keys) {
            if (!known.containsKey(key.locationId())) {
                throw new RuleViolationException("unknown-location", "Unknown location",
                        "no store or warehouse has id " + key.locationId());
            }
        }
        return known;
    }

    private static InsufficientStock shortage(Map<PositionKey, Long> wanted, Channel channel,
                                              Function<PositionKey, StockPosition> position) {
        List<Shortfall> shortfalls = new ArrayList<>();
        wanted.forEach((key, units) -> {
            long available = position.apply(key).availableTo(channel);
            if (available < units) {
                shortfalls.add(new Shortfall(key.sku().value(), units, available,
                        List.of(new Shortfall.Where(key.locationId(), available))));
            }
        });
        return new InsufficientStock(shortfalls);
    }
}
