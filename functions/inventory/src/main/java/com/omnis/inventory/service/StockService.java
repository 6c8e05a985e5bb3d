package com.omnis.inventory.service;

import com.omnis.shared.dynamo.Retry;
import com.omnis.inventory.domain.Movement;
import com.omnis.inventory.domain.MovementType;
import com.omnis.inventory.domain.SettingsChange;
import com.omnis.inventory.domain.StockChange;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.shared.inventory.Transfer;
import com.omnis.inventory.service.InventoryTransaction.TransferWrite;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.idempotency.Idempotency;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.idempotency.RequestFingerprint;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.Ledger;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Stock movements (receipt, sale, count, damage, transfer), position settings and stock queries.
 * Every change is read → decide → one conditional transaction, retried when it lost a race.
 */
public final class StockService {

    private final InventoryStore store;
    private final Idempotency idempotency;
    private final CachedLocations locations;
    private final ProductRepository products;
    private final Clock clock;
    private final Retry retry;
    private final RandomGenerator random;
    private final Metrics metrics;

    public StockService(InventoryStore store, Idempotency idempotency, CachedLocations locations,
                        ProductRepository products, Clock clock, Retry retry, RandomGenerator random, Metrics metrics) {
        this.store = store;
        this.idempotency = idempotency;
        this.locations = locations;
        this.products = products;
        this.clock = clock;
        this.retry = retry;
        this.random = random;
        this.metrics = metrics;
    }

    // ---- movements ---------------------------------------------------------------------------

    /**
     * Applies a movement exactly once per idempotency key of the caller: the same key and body
     * return the first result and move nothing; the same key with another body is a 422.
     */
    public MovementResult.Outcome move(Caller caller, Movement movement, IdempotencyKey key, String correlationId) {
        StockAccess.requireLocation(caller, movement.locationId());
        Location location = requireLocation("locationId", movement.locationId());
        movement.toLocationId().ifPresent(to -> requireLocation("toLocationId", to));
        if (products.find(movement.sku()).isEmpty()) {
            throw new RuleViolationException("unknown-sku", "Unknown SKU", "no product has SKU " + movement.sku(),
                    List.of(new FieldError("sku", "is not in the catalog")));
        }
        String movementId = UUID.randomUUID().toString();
        Idempotency.Outcome<MovementResult> outcome = idempotency.run(key,
                RequestFingerprint.of(movement.fingerprint()), MovementResult.class,
                completion -> retry.run(() -> apply(movement, location, movementId, completion, correlationId)));
        if (!outcome.replayed()) {
            metrics.count("StockMovements");
        }
        return new MovementResult.Outcome(outcome.response(), outcome.replayed());
    }

    private MovementResult apply(Movement movement, Location location, String movementId,
                                 Idempotency.Completion completion, String correlationId) {
        Instant now = clock.instant();
        Map<String, Location> known = locations.byId();
        StockChange change = new StockChange(store.positions(List.of(movement.sku())), known, random);
        PositionKey here = new PositionKey(movement.sku(), location.locationId());
        long q = movement.quantity();
        Optional<TransferWrite> transfer = Optional.empty();
        List<PositionKey> touched = new ArrayList<>(List.of(here));
        switch (movement.type()) {
            case RECEIPT -> {
                if (movement.transferId().isPresent()) {
                    Transfer shipped = receivableTransfer(movement);
                    transfer = Optional.of(new TransferWrite(shipped.receive(q), shipped.version()));
                    change.addInTransit(here, -q);
                    change.addOnHand(here, q, Ledger::transferIn);
                } else {
                    change.addOnHand(here, q, Ledger::receive);
                }
            }
            case SALE -> {
                requireFree(change, here, q);
                change.removeFree(here, q, Ledger::sell);
            }
            case DAMAGE -> {
                requireFree(change, here, q);
                change.removeFree(here, q, Ledger::damage);
            }
            case COUNT -> {
                StockPosition position = change.current(here);
                if (q < position.reserved()) {
                    throw new ConflictException("count-below-reserved", "Count below held units",
                            "the count of " + q + " is below the " + position.reserved()
                                    + " units held by reservations; release or commit them first",
                            PositionView.of(position, location));
                }
                change.countTo(here, q);
            }
            case TRANSFER -> {
                requireFree(change, here, q);
                PositionKey there = new PositionKey(movement.sku(), movement.toLocationId().orElseThrow().value());
                change.removeFree(here, q, Ledger::transferOut);
                change.addInTransit(there, q);
                touched.add(there);
                transfer = Optional.of(new TransferWrite(new Transfer(movementId, movement.sku(), here.locationId(),
                        there.locationId(), q, 0, now, 1), 0));
            }
            default -> throw new IllegalStateException("unhandled movement " + movement.type());
        }
        List<PositionView> after = touched.stream()
                .map(p -> PositionView.of(change.current(p), known.get(p.locationId())))
                .toList();
        MovementResult result = new MovementResult(movementId, movement.type(), movement.sku().value(),
                movement.locationId().value(), q, movement.toLocationId().map(LocationId::value).orElse(null),
                movement.type() == MovementType.TRANSFER ? movementId : movement.transferId().orElse(null),
                movement.reason().orElse(null), now, after);
        StockPlan plan = change.plan(movement.type().code(), movementId, correlationId, now);
        store.write(new InventoryTransaction(plan, List.of(), transfer, Optional.of(completion.part(result)),
                List.of(), now));
        return result;
    }

    private Transfer receivableTransfer(Movement movement) {
        String id = movement.transferId().orElseThrow();
        Transfer transfer = store.transfer(movement.sku(), id)
                .filter(t -> t.toLocationId().equals(movement.locationId().value()))
                .orElseThrow(() -> new RuleViolationException("unknown-transfer", "Unknown transfer",
                        "no transfer " + id + " of " + movement.sku() + " is bound for " + movement.locationId(),
                        List.of(new FieldError("transferId", "is not a transfer of this SKU to this location"))));
        if (movement.quantity() > transfer.outstanding()) {
            throw new RuleViolationException("transfer-overreceived", "More than was shipped",
                    "transfer " + id + " has " + transfer.outstanding() + " units still in transit",
                    List.of(new FieldError("quantity", "exceeds the " + transfer.outstanding() + " units in transit")));
        }
        return transfer;
    }

    private void requireFree(StockChange change, PositionKey key, long units) {
        StockPosition position = change.current(key);
        if (position.free() < units) {
            throw new ConflictException("insufficient-stock", "Insufficient stock",
                    key.locationId() + " has " + position.free() + " units of " + key.sku()
                            + " not held by reservations, fewer than " + units,
                    PositionView.of(position, locations.byId().get(key.locationId())));
        }
    }

    // ---- settings ----------------------------------------------------------------------------

    /** Sets safety stock per channel, the low-stock threshold and (ops only) the number of shards. */
    public PositionView configure(Caller caller, Sku sku, LocationId locationId, SettingsChange requested,
                                  String correlationId) {
        StockAccess.requireLocation(caller, locationId);
        Location location = requireLocation(null, locationId);
        if (requested.shards().isPresent() && !caller.isIn(Caller.OPS)) {
            throw new ForbiddenException("only the 'ops' group spreads a position over shards");
        }
        if (products.find(sku).isEmpty()) {
            throw new RuleViolationException("unknown-sku", "Unknown SKU", "no product has SKU " + sku);
        }
        return retry.run(() -> {
            Instant now = clock.instant();
            StockChange change = new StockChange(store.positions(List.of(sku)), locations.byId(), random);
            PositionKey key = new PositionKey(sku, locationId.value());
            StockPosition position = change.current(key);
            PositionSettings current = position.settings();
            // every figure was checked against these rules when the request was parsed
            PositionSettings wanted = new PositionSettings(requested.safetyStock().orElse(current.safetyStock()),
                    requested.lowStockThreshold().orElse(current.lowStockThreshold()),
                    requested.shards().orElse(Math.max(1, position.shards().size())));
            boolean heldOnRemovedShard = position.shards().stream()
                    .anyMatch(r -> r.shard() >= wanted.shards() && r.reserved() > 0);
            if (heldOnRemovedShard) {
                throw new ConflictException("shard-holds-units", "Shard still holds units",
                        "shards above " + (wanted.shards() - 1) + " still hold reserved units; retry once those holds end",
                        PositionView.of(position, location));
            }
            change.configure(key, wanted);
            store.write(InventoryTransaction.of(
                    change.plan("settings", "settings:" + UUID.randomUUID(), correlationId, now), now));
            return PositionView.of(change.current(key), location);
        });
    }

    // ---- queries -----------------------------------------------------------------------------

    /** A SKU's stock at every location the caller may see. */
    public List<PositionView> stockOf(Caller caller, Sku sku) {
        StockAccess.requireStaff(caller);
        Map<String, Location> known = locations.byId();
        return store.positions(List.of(sku)).getOrDefault(sku, Map.of()).values().stream()
                .filter(p -> StockAccess.seesAllLocations(caller) || caller.storeId().orElseThrow().equals(p.locationId()))
                .map(p -> PositionView.of(p, known.get(p.locationId())))
                .toList();
    }

    public Page<PositionView> stockAt(Caller caller, LocationId locationId, int limit, Optional<String> cursor) {
        StockAccess.requireLocation(caller, locationId);
        Location location = locations.find(locationId.value())
                .orElseThrow(() -> new NotFoundException("no location " + locationId));
        Page<StockPosition> page = store.positionsAt(locationId.value(), limit, cursor);
        return new Page<>(page.items().stream().map(p -> PositionView.of(p, location)).toList(), page.nextCursor());
    }

    /** The location, or a 422 naming {@code field} of the request when there is one. */
    private Location requireLocation(String field, LocationId locationId) {
        return locations.find(locationId.value()).orElseThrow(() -> new RuleViolationException("unknown-location",
                "Unknown location", "no store or warehouse has id " + locationId,
                field == null ? List.of() : List.of(new FieldError(field, "is not a known location"))));
    }

}
