package com.omnis.inventory.domain;

import com.omnis.inventory.domain.StockEvents.BackInStock;
import com.omnis.inventory.domain.StockEvents.Figure;
import com.omnis.inventory.domain.StockEvents.LowStock;
import com.omnis.inventory.domain.StockEvents.StockChanged;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.Fulfilment;
import com.omnis.shared.inventory.Ledger;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockKey;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * A change to the stock of some SKUs, worked out on a consistent snapshot and turned into a
 * {@link StockPlan}: the records to write, each conditioned on the version it was read at, and the
 * events the change causes. Callers check business rules (enough free units, count not below
 * the held units) before asking for an operation; the operations themselves keep
 * {@code 0 ≤ reserved ≤ onHand} on every record or throw.
 *
 * <p>Event figures of the positions written are exact (their versions are checked). A position
 * spread over several shards is written on as few shards as possible; its other shards are
 * version-checked too whenever a {@code LowStock} or {@code BackInStock} decision depends on
 * them, i.e. when the written shards alone are near the threshold or near zero.
 */
public final class StockChange {

    private final Map<Sku, Map<String, StockPosition>> snapshot;
    private final Map<String, Location> locations;
    private final RandomGenerator random;
    private final Map<StockKey, StockRecord> touched = new LinkedHashMap<>();
    private final Set<StockKey> deleted = new LinkedHashSet<>();
    private final Set<PositionKey> pinned = new LinkedHashSet<>();

    public StockChange(Map<Sku, Map<String, StockPosition>> snapshot, Map<String, Location> locations,
                       RandomGenerator random) {
        this.snapshot = snapshot;
        this.locations = locations;
        this.random = random;
    }

    // ---- views -------------------------------------------------------------------------------

    public StockPosition before(PositionKey key) {
        return snapshot.getOrDefault(key.sku(), Map.of())
                .getOrDefault(key.locationId(), StockPosition.empty(key.sku(), key.locationId()));
    }

    /** The position as it will be once the change is written. */
    public StockPosition current(PositionKey key) {
        Map<Integer, StockRecord> shards = new TreeMap<>();
        before(key).shards().forEach(r -> shards.put(r.shard(), r));
        touched.forEach((k, r) -> {
            if (k.position().equals(key)) {
                shards.put(k.shard(), r);
            }
        });
        deleted.forEach(k -> {
            if (k.position().equals(key)) {
                shards.remove(k.shard());
            }
        });
        return new StockPosition(key.sku(), key.locationId(), List.copyOf(shards.values()));
    }

    public boolean isEmpty() {
        return touched.isEmpty() && deleted.isEmpty();
    }

    // ---- operations --------------------------------------------------------------------------

    /** Puts units on the shelf, spread evenly over the position's shards (creating shard 0 if needed). */
    public void addOnHand(PositionKey key, long units, BiFunction<Ledger, Long, Ledger> ledger) {
        List<StockRecord> shards = writableShards(key);
        long[] shares = split(units, shards.size());
        for (int i = 0; i < shards.size(); i++) {
            StockRecord r = shards.get(i);
            if (shares[i] > 0) {
                put(r.withCounts(r.onHand() + shares[i], r.reserved(), r.inTransit(), ledger.apply(r.ledger(), shares[i])));
            }
        }
    }

    /** Takes units that no reservation holds off the shelf (sale at the till, damage, transfer out). */
    public void removeFree(PositionKey key, long units, BiFunction<Ledger, Long, Ledger> ledger) {
        requireFree(key, units);
        long remaining = units;
        for (StockRecord r : shuffled(current(key).shards())) {
            long take = Math.min(remaining, r.free());
            if (take > 0) {
                put(r.withCounts(r.onHand() - take, r.reserved(), r.inTransit(), ledger.apply(r.ledger(), take)));
                remaining -= take;
            }
        }
    }

    /**
     * Holds {@code units} of the position: on one shard when one has enough (so a hold touches one
     * item), else across shards. The caller checked what the channel may take (safety stock).
     */
    public List<Allocation> hold(PositionKey key, long units) {
        requireFree(key, units);
        List<StockRecord> shards = shuffled(current(key).shards());
        List<Allocation> allocations = new ArrayList<>();
        StockRecord single = shards.stream().filter(r -> r.free() >= units).findFirst().orElse(null);
        long remaining = units;
        for (StockRecord r : single != null ? List.of(single) : shards) {
            long take = Math.min(remaining, r.free());
            if (take > 0) {
                put(r.withCounts(r.onHand(), r.reserved() + take, r.inTransit(), r.ledger()));
                allocations.add(new Allocation(key.sku(), key.locationId(), r.shard(), take));
                remaining -= take;
            }
        }
        return allocations;
    }

    /** The held units leave with the order: off the shelf and out of the reserved count. */
    public void commit(Allocation allocation) {
        StockRecord r = heldRecord(allocation);
        long q = allocation.quantity();
        put(r.withCounts(r.onHand() - q, r.reserved() - q, r.inTransit(), r.ledger().sell(q)));
    }

    /** The held units go back to free stock (release or expiry). */
    public void unhold(Allocation allocation) {
        StockRecord r = heldRecord(allocation);
        put(r.withCounts(r.onHand(), r.reserved() - allocation.quantity(), r.inTransit(), r.ledger()));
    }

    /** Sets the units on the shelf to a counted figure; held units stay where they are. */
    public void countTo(PositionKey key, long target) {
        StockPosition position = current(key);
        if (target < position.reserved()) {
            throw new IllegalStateException("count " + target + " is below the " + position.reserved() + " held units");
        }
        List<StockRecord> shards = writableShards(key);
        long[] freeShares = split(target - position.reserved(), shards.size());
        for (int i = 0; i < shards.size(); i++) {
            StockRecord r = shards.get(i);
            long onHand = r.reserved() + freeShares[i];
            if (onHand != r.onHand() || !r.exists()) {
                put(r.withCounts(onHand, r.reserved(), r.inTransit(), r.ledger().count(onHand - r.onHand())));
            }
        }
    }

    /** Units on their way to the position: shipped by a transfer (+), or arrived (−). Kept on shard 0. */
    public void addInTransit(PositionKey key, long delta) {
        StockRecord head = record(new StockKey(key.sku(), key.locationId(), 0));
        put(head.withCounts(head.onHand(), head.reserved(), head.inTransit() + delta, head.ledger()));
    }

    /**
     * Changes a position's settings; a new shard count spreads the free units evenly over the new
     * shards, each shard keeping the units it holds. Shards that go away must hold nothing.
     */
    public void configure(PositionKey key, PositionSettings settings) {
        StockPosition position = current(key);
        pinned.add(key);
        int oldShards = Math.max(1, position.shards().size());
        if (settings.shards() == oldShards || (position.shards().isEmpty() && settings.shards() == 1)) {
            StockRecord head = record(new StockKey(key.sku(), key.locationId(), 0));
            put(head.withSettings(settings));
            return;
        }
        for (StockRecord r : position.shards()) {
            if (r.shard() >= settings.shards() && r.reserved() > 0) {
                throw new IllegalStateException("shard " + r.shard() + " still holds " + r.reserved() + " units");
            }
        }
        long[] freeShares = split(position.free(), settings.shards());
        Ledger folded = Ledger.EMPTY;
        for (StockRecord r : position.shards()) {
            if (r.shard() >= settings.shards()) {
                folded = folded.plus(r.ledger().rebalance(-r.onHand()));
                delete(r.key());
            }
        }
        for (int shard = 0; shard < settings.shards(); shard++) {
            StockRecord r = record(new StockKey(key.sku(), key.locationId(), shard));
            long onHand = r.reserved() + freeShares[shard];
            Ledger ledger = r.ledger().rebalance(onHand - r.onHand());
            if (shard == 0) {
                ledger = ledger.plus(folded);
                r = r.withSettings(settings);
            }
            put(r.withCounts(onHand, r.reserved(), r.inTransit(), ledger));
        }
    }

    // ---- the plan ----------------------------------------------------------------------------

    /** The writes, checks and events of this change. */
    public StockPlan plan(String reason, String reference, String correlationId, Instant now) {
        List<StockPlan.Write> writes = new ArrayList<>();
        touched.forEach((key, r) -> writes.add(new StockPlan.Write(r.next(now), versionRead(key), false)));
        deleted.forEach(key -> writes.add(new StockPlan.Write(recordRead(key), versionRead(key), true)));

        Set<PositionKey> positions = new LinkedHashSet<>();
        touched.keySet().forEach(k -> positions.add(k.position()));
        deleted.forEach(k -> positions.add(k.position()));

        List<StockPlan.VersionCheck> checks = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        Map<Sku, Set<Channel>> channelsTouched = new LinkedHashMap<>();
        for (PositionKey key : positions) {
            StockPosition before = before(key);
            StockPosition after = current(key);
            if (pinned.contains(key) || siblingsDecideEvents(key, before, after)) {
                before.shards().stream()
                        .filter(r -> !touched.containsKey(r.key()) && !deleted.contains(r.key()))
                        .forEach(r -> checks.add(new StockPlan.VersionCheck(r.key(), r.version())));
            }
            Location location = locations.get(key.locationId());
            Map<Channel, Figure> available = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                if (location != null && Fulfilment.serves(location, channel)) {
                    available.put(channel, new Figure(before.availableTo(channel), after.availableTo(channel)));
                    channelsTouched.computeIfAbsent(key.sku(), s -> new LinkedHashSet<>()).add(channel);
                }
            }
            events.add(event(StockEvents.STOCK_CHANGED, subject(key), now, correlationId, new StockChanged(
                    key.sku().value(), key.locationId(), reason, reference,
                    new Figure(before.onHand(), after.onHand()), new Figure(before.reserved(), after.reserved()),
                    new Figure(before.inTransit(), after.inTransit()), available)));
            long thresholdBefore = before.settings().lowStockThreshold();
            long thresholdAfter = after.settings().lowStockThreshold();
            if (before.free() >= thresholdBefore && after.free() < thresholdAfter) {
                events.add(event(StockEvents.LOW_STOCK, subject(key), now, correlationId,
                        new LowStock(key.sku().value(), key.locationId(), after.free(), thresholdAfter)));
            }
        }
        channelsTouched.forEach((sku, channels) -> {
            for (Channel channel : channels) {
                long totalBefore = 0;
                long totalAfter = 0;
                for (Location location : locations.values()) {
                    if (Fulfilment.serves(location, channel)) {
                        PositionKey key = new PositionKey(sku, location.locationId());
                        totalBefore += before(key).availableTo(channel);
                        totalAfter += current(key).availableTo(channel);
                    }
                }
                if (totalBefore == 0 && totalAfter > 0) {
                    events.add(event(StockEvents.BACK_IN_STOCK, "stock/" + sku.value(), now, correlationId,
                            new BackInStock(sku.value(), channel, totalAfter)));
                }
            }
        });
        return new StockPlan(writes, checks, events);
    }

    /**
     * Whether the untouched shards of a sharded position can change a LowStock or BackInStock
     * decision: not when the shards written keep, before and after, at least the low-stock
     * threshold and more than any safety stock on their own.
     */
    private boolean siblingsDecideEvents(PositionKey key, StockPosition before, StockPosition after) {
        Set<Integer> written = new LinkedHashSet<>();
        touched.keySet().stream().filter(k -> k.position().equals(key)).forEach(k -> written.add(k.shard()));
        deleted.stream().filter(k -> k.position().equals(key)).forEach(k -> written.add(k.shard()));
        boolean hasSiblings = before.shards().stream().anyMatch(r -> !written.contains(r.shard()));
        if (!hasSiblings) {
            return false;
        }
        long writtenBefore = before.shards().stream().filter(r -> written.contains(r.shard()))
                .mapToLong(StockRecord::free).sum();
        long writtenAfter = after.shards().stream().filter(r -> written.contains(r.shard()))
                .mapToLong(StockRecord::free).sum();
        long bar = Math.max(Math.max(before.settings().lowStockThreshold(), after.settings().lowStockThreshold()),
                Math.max(maxSafety(before.settings()), maxSafety(after.settings())) + 1);
        return Math.min(writtenBefore, writtenAfter) < bar;
    }

    private static long maxSafety(PositionSettings settings) {
        return settings.safetyStock().values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    // ---- helpers -----------------------------------------------------------------------------

    public StockRecord record(StockKey key) {
        StockRecord r = touched.get(key);
        if (r != null) {
            return r;
        }
        StockRecord read = recordRead(key);
        return read != null ? read : StockRecord.empty(key.sku(), key.locationId(), key.shard());
    }

    private StockRecord recordRead(StockKey key) {
        return before(key.position()).shards().stream().filter(r -> r.shard() == key.shard()).findFirst().orElse(null);
    }

    private long versionRead(StockKey key) {
        StockRecord read = recordRead(key);
        return read == null ? 0 : read.version();
    }

    private void put(StockRecord record) {
        deleted.remove(record.key());
        touched.put(record.key(), record);
    }

    private void delete(StockKey key) {
        touched.remove(key);
        if (recordRead(key) != null) {
            deleted.add(key);
        }
    }

    private List<StockRecord> writableShards(PositionKey key) {
        List<StockRecord> shards = current(key).shards();
        return shards.isEmpty() ? List.of(StockRecord.empty(key.sku(), key.locationId(), 0)) : shards;
    }

    private StockRecord heldRecord(Allocation allocation) {
        StockRecord r = record(allocation.stockKey());
        if (r.reserved() < allocation.quantity()) {
            throw new IllegalStateException("record " + allocation.stockKey() + " holds " + r.reserved()
                    + " units, fewer than the allocation's " + allocation.quantity());
        }
        return r;
    }

    private void requireFree(PositionKey key, long units) {
        long free = current(key).free();
        if (free < units) {
            throw new IllegalStateException(key + " has " + free + " free units, fewer than " + units);
        }
    }

    private List<StockRecord> shuffled(List<StockRecord> records) {
        if (records.size() < 2) {
            return records;
        }
        int start = random.nextInt(records.size());
        List<StockRecord> rotated = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            rotated.add(records.get((start + i) % records.size()));
        }
        return rotated;
    }

    static long[] split(long units, int parts) {
        long[] shares = new long[parts];
        for (int i = 0; i < parts; i++) {
            shares[i] = units / parts + (i < units % parts ? 1 : 0);
        }
        return shares;
    }

    private static String subject(PositionKey key) {
        return "stock/" + key.sku().value() + "/" + key.locationId();
    }

    private static DomainEvent event(String type, String subject, Instant now, String correlationId, Object data) {
        return DomainEvent.of(type, StockEvents.SOURCE, now, subject, data, correlationId);
    }
}
