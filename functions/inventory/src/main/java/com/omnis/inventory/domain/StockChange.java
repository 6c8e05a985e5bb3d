package com.omnis.inventory.domain;

import com.omnis.inventory.domain.StockEvents.BackInStock;
import com.omnis.inventory.domain.StockEvents.Figure;
import com.omnis.inventory.domain.StockEvents.LowStock;
import com.omnis.inventory.domain.StockEvents.StockChanged;
import com.omnis.inventory.domain.StockPlan.Assertion;
import com.omnis.inventory.domain.StockPlan.Assertion.FreeAtLeast;
import com.omnis.inventory.domain.StockPlan.Assertion.FreeAtMost;
import com.omnis.inventory.domain.StockPlan.Assertion.FreeBetween;
import com.omnis.inventory.domain.StockPlan.Assertion.ReservedAtLeast;
import com.omnis.inventory.domain.StockPlan.Assertion.VersionIs;
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
import java.util.HashMap;
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
 * {@link StockPlan}. Callers check business rules (enough units for the channel, a count not below
 * the held units) before asking for an operation; each operation records the guard its write
 * needs, and {@link #plan} adds what the event decisions relied on:
 *
 * <ul>
 *   <li>guards: a hold or a sale needs {@code free ≥ units taken (+ safety stock)}, a commit or a
 *       release {@code reserved ≥ units}; so {@code 0 ≤ reserved ≤ onHand} holds on every record
 *       whatever runs concurrently, and decisions on enough stock are never made on stale figures;</li>
 *   <li>a {@code LowStock} or {@code BackInStock} decision asserts the band of {@code free} it was
 *       taken in (above, across or below the threshold), so it is exact for the position written
 *       while concurrent holds that do not cross the threshold go through untouched;</li>
 *   <li>counts and settings, which set absolute figures, assert the exact version they read.</li>
 * </ul>
 *
 * <p>{@code StockChanged} figures are the snapshot plus this change's own differences: exact when
 * nothing raced the change, and in any case the differences themselves are exact.
 */
public final class StockChange {

    private final Map<Sku, Map<String, StockPosition>> snapshot;
    private final Map<String, Location> locations;
    private final RandomGenerator random;
    private final Map<StockKey, StockRecord> touched = new LinkedHashMap<>();
    private final Set<StockKey> deleted = new LinkedHashSet<>();
    private final Map<StockKey, Long> freeTaken = new HashMap<>();
    private final Map<StockKey, Long> safetyKept = new HashMap<>();
    private final Map<StockKey, Long> reservedTaken = new HashMap<>();
    private final Set<PositionKey> exact = new LinkedHashSet<>();
    private final Set<PositionKey> settingsChanged = new LinkedHashSet<>();

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
                freeTaken.merge(r.key(), take, Long::sum);
                remaining -= take;
            }
        }
    }

    /**
     * Holds {@code units} for {@code channel}: on one shard when one has enough (so a hold writes
     * one item), else across shards. The caller checked that the channel may take them.
     */
    public List<Allocation> hold(PositionKey key, long units, Channel channel) {
        StockPosition position = current(key);
        if (position.availableTo(channel) < units) {
            throw new IllegalStateException(key + " offers " + channel.code() + " fewer than " + units + " units");
        }
        List<StockRecord> shards = shuffled(position.shards());
        StockRecord single = shards.stream().filter(r -> position.availableOn(r, channel) >= units).findFirst()
                .orElse(null);
        List<Allocation> allocations = new ArrayList<>();
        long remaining = units;
        for (StockRecord r : single != null ? List.of(single) : shards) {
            long take = Math.min(remaining, position.availableOn(r, channel));
            if (take > 0) {
                put(r.withCounts(r.onHand(), r.reserved() + take, r.inTransit(), r.ledger()));
                freeTaken.merge(r.key(), take, Long::sum);
                if (r.shard() == 0) {
                    safetyKept.merge(r.key(), position.settings().safetyStockFor(channel), Math::max);
                }
                allocations.add(new Allocation(key.sku(), key.locationId(), r.shard(), take));
                remaining -= take;
            }
        }
        return allocations;
    }

    /**
     * Sells {@code units} that no reservation holds to {@code channel}, off the shelf at once (an
     * order taking units without a hold): like a hold, it never takes what safety stock keeps back
     * from the channel, and its write asserts it. The caller checked that the channel may take them.
     */
    public void sell(PositionKey key, long units, Channel channel) {
        StockPosition position = current(key);
        if (position.availableTo(channel) < units) {
            throw new IllegalStateException(key + " offers " + channel.code() + " fewer than " + units + " units");
        }
        long remaining = units;
        for (StockRecord r : shuffled(position.shards())) {
            long take = Math.min(remaining, position.availableOn(r, channel));
            if (take > 0) {
                put(r.withCounts(r.onHand() - take, r.reserved(), r.inTransit(), r.ledger().sell(take)));
                freeTaken.merge(r.key(), take, Long::sum);
                if (r.shard() == 0) {
                    safetyKept.merge(r.key(), position.settings().safetyStockFor(channel), Math::max);
                }
                remaining -= take;
            }
        }
    }

    /** The held units leave with the order: off the shelf and out of the reserved count. */
    public void commit(Allocation allocation) {
        StockRecord r = heldRecord(allocation);
        long q = allocation.quantity();
        put(r.withCounts(r.onHand() - q, r.reserved() - q, r.inTransit(), r.ledger().sell(q)));
        reservedTaken.merge(r.key(), q, Long::sum);
    }

    /** The held units go back to free stock (release or expiry). */
    public void unhold(Allocation allocation) {
        StockRecord r = heldRecord(allocation);
        put(r.withCounts(r.onHand(), r.reserved() - allocation.quantity(), r.inTransit(), r.ledger()));
        reservedTaken.merge(r.key(), allocation.quantity(), Long::sum);
    }

    /** Sets the units on the shelf to a counted figure; held units stay where they are. */
    public void countTo(PositionKey key, long target) {
        StockPosition position = current(key);
        if (target < position.reserved()) {
            throw new IllegalStateException("count " + target + " is below the " + position.reserved() + " held units");
        }
        exact.add(key);
        List<StockRecord> shards = writableShards(key);
        long[] freeShares = split(target - position.reserved(), shards.size());
        for (int i = 0; i < shards.size(); i++) {
            StockRecord r = shards.get(i);
            long onHand = r.reserved() + freeShares[i];
            put(r.withCounts(onHand, r.reserved(), r.inTransit(), r.ledger().count(onHand - r.onHand())));
        }
    }

    /** Units on their way to the position: shipped by a transfer (+), or arrived (−). Kept on shard 0. */
    public void addInTransit(PositionKey key, long delta) {
        StockRecord head = record(new StockKey(key.sku(), key.locationId(), 0));
        put(head.withCounts(head.onHand(), head.reserved(), head.inTransit() + delta, head.ledger()));
    }

    /**
     * Changes a position's settings. A new shard count spreads the free units over the new shards
     * (shard 0 first gets what safety stock keeps back), each shard keeping the units it holds;
     * shards that go away must hold nothing. Asserts the exact version of every shard.
     */
    public void configure(PositionKey key, PositionSettings settings) {
        StockPosition position = current(key);
        exact.add(key);
        settingsChanged.add(key);
        int oldShards = Math.max(1, position.shards().size());
        if (settings.shards() == oldShards) {
            StockRecord head = record(new StockKey(key.sku(), key.locationId(), 0));
            put(head.withSettings(settings));
            return;
        }
        for (StockRecord r : position.shards()) {
            if (r.shard() >= settings.shards() && r.reserved() > 0) {
                throw new IllegalStateException("shard " + r.shard() + " still holds " + r.reserved() + " units");
            }
        }
        long keptBack = Math.min(position.free(),
                settings.safetyStock().values().stream().mapToLong(Long::longValue).max().orElse(0));
        long[] freeShares = split(position.free() - keptBack, settings.shards());
        freeShares[0] += keptBack;
        Ledger folded = Ledger.EMPTY;
        for (StockRecord r : position.shards()) {
            if (r.shard() >= settings.shards()) {
                folded = folded.plus(r.ledger().rebalance(-r.onHand()));
                touched.remove(r.key());
                deleted.add(r.key());
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
        Map<StockKey, List<Assertion>> assertions = new LinkedHashMap<>();
        List<StockPlan.VersionCheck> checks = new ArrayList<>();
        Set<PositionKey> positions = new LinkedHashSet<>();
        touched.keySet().forEach(k -> positions.add(k.position()));
        deleted.forEach(k -> positions.add(k.position()));

        for (StockKey key : writtenKeys()) {
            List<Assertion> list = assertions.computeIfAbsent(key, k -> new ArrayList<>());
            long taken = freeTaken.getOrDefault(key, 0L);
            if (taken > 0) {
                list.add(new FreeAtLeast(taken + safetyKept.getOrDefault(key, 0L)));
            }
            long held = reservedTaken.getOrDefault(key, 0L);
            if (held > 0) {
                list.add(new ReservedAtLeast(held));
            }
        }
        for (PositionKey key : exact) {
            pinExactly(key, assertions, checks);
        }

        List<DomainEvent> events = new ArrayList<>();
        Map<Sku, Set<Channel>> channelsTouched = new LinkedHashMap<>();
        for (PositionKey key : positions) {
            StockPosition before = before(key);
            StockPosition after = current(key);
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
            long thresholdAfter = after.settings().lowStockThreshold();
            if (before.free() >= before.settings().lowStockThreshold() && after.free() < thresholdAfter) {
                events.add(event(StockEvents.LOW_STOCK, subject(key), now, correlationId,
                        new LowStock(key.sku().value(), key.locationId(), after.free(), thresholdAfter)));
            }
            long freeDelta = after.free() - before.free();
            if (freeDelta < 0 && !exact.contains(key)) {
                assertLowStockBand(key, thresholdAfter, freeDelta, assertions, checks);
            }
        }
        channelsTouched.forEach((sku, channels) -> {
            for (Channel channel : channels) {
                backInStock(sku, channel, positions, assertions, checks, now, correlationId).ifPresent(events::add);
            }
        });

        List<StockPlan.Write> writes = new ArrayList<>();
        for (StockKey key : writtenKeys()) {
            StockRecord read = recordRead(key);
            boolean delete = deleted.contains(key);
            StockRecord next = delete ? read : touched.get(key);
            writes.add(new StockPlan.Write(read != null ? read : StockRecord.empty(key.sku(), key.locationId(), key.shard()),
                    next.next(now), assertions.getOrDefault(key, List.of()), delete,
                    key.shard() == 0 && settingsChanged.contains(key.position())));
        }
        return new StockPlan(writes, dedupe(checks), events);
    }

    /**
     * Asserts the band of {@code free} a LowStock decision was taken in: still at or above the
     * threshold after this change, crossing it, or already below.
     */
    private void assertLowStockBand(PositionKey key, long threshold, long freeDelta,
                                    Map<StockKey, List<Assertion>> assertions, List<StockPlan.VersionCheck> checks) {
        List<StockKey> written = writtenOf(key);
        if (hasSiblings(key)) {
            // a shard written that stays at or above the threshold on its own rules out a crossing, whatever the others do
            StockKey aboveAlone = written.stream().filter(k -> !deleted.contains(k) && record(k).free() >= threshold)
                    .findFirst().orElse(null);
            if (aboveAlone != null) {
                long taken = freeRead(aboveAlone) - record(aboveAlone).free();
                assertions.get(aboveAlone).add(new FreeAtLeast(threshold + taken));
            } else {
                pinExactly(key, assertions, checks);
            }
            return;
        }
        StockKey only = written.getFirst();
        long read = freeRead(only);
        long crossingTop = threshold - freeDelta - 1;
        assertions.get(only).add(read < threshold ? new FreeAtMost(threshold - 1)
                : read <= crossingTop ? between(threshold, crossingTop) : new FreeAtLeast(crossingTop + 1));
    }

    /**
     * BackInStock for a channel: its total over every location serving it goes from 0 to more.
     * When the locations this change does not touch offer the channel nothing, the decision rests
     * on the positions written, whose band (none before and after / none before, some after /
     * some before) is asserted; the other locations' figures are those of the snapshot.
     */
    private java.util.Optional<DomainEvent> backInStock(Sku sku, Channel channel, Set<PositionKey> positions,
                                                        Map<StockKey, List<Assertion>> assertions,
                                                        List<StockPlan.VersionCheck> checks, Instant now,
                                                        String correlationId) {
        long untouched = 0;
        long touchedBefore = 0;
        long touchedAfter = 0;
        List<PositionKey> rising = new ArrayList<>();
        for (Location location : locations.values()) {
            if (!Fulfilment.serves(location, channel)) {
                continue;
            }
            PositionKey key = new PositionKey(sku, location.locationId());
            long before = before(key).availableTo(channel);
            if (!positions.contains(key)) {
                untouched += before;
                continue;
            }
            long after = current(key).availableTo(channel);
            touchedBefore += before;
            touchedAfter += after;
            if (current(key).free() > before(key).free() && !exact.contains(key)) {
                rising.add(key);
            }
        }
        if (untouched > 0) {
            return java.util.Optional.empty();
        }
        for (PositionKey key : rising) {
            if (hasSiblings(key) || writtenOf(key).size() > 1) {
                pinExactly(key, assertions, checks);
                continue;
            }
            StockKey only = writtenOf(key).getFirst();
            long safety = current(key).settings().safetyStockFor(channel);
            long delta = current(key).free() - before(key).free();
            long read = freeRead(only);
            assertions.get(only).add(read <= safety - delta ? new FreeAtMost(safety - delta)
                    : read <= safety ? between(safety - delta + 1, safety) : new FreeAtLeast(safety + 1));
        }
        if (touchedBefore == 0 && touchedAfter > 0) {
            return java.util.Optional.of(event(StockEvents.BACK_IN_STOCK, "stock/" + sku.value(), now, correlationId,
                    new BackInStock(sku.value(), channel, touchedAfter)));
        }
        return java.util.Optional.empty();
    }

    /** Every record of the position must be exactly as read: versions of the written ones and the others. */
    private void pinExactly(PositionKey key, Map<StockKey, List<Assertion>> assertions,
                            List<StockPlan.VersionCheck> checks) {
        for (StockKey k : writtenOf(key)) {
            StockRecord read = recordRead(k);
            assertions.computeIfAbsent(k, x -> new ArrayList<>()).add(new VersionIs(read == null ? 0 : read.version()));
        }
        for (StockRecord r : before(key).shards()) {
            if (!touched.containsKey(r.key()) && !deleted.contains(r.key())) {
                checks.add(new StockPlan.VersionCheck(r.key(), r.version()));
            }
        }
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

    private long freeRead(StockKey key) {
        StockRecord read = recordRead(key);
        return read == null ? 0 : read.free();
    }

    private List<StockKey> writtenKeys() {
        List<StockKey> keys = new ArrayList<>(touched.keySet());
        keys.addAll(deleted);
        return keys;
    }

    private List<StockKey> writtenOf(PositionKey key) {
        return writtenKeys().stream().filter(k -> k.position().equals(key)).toList();
    }

    private boolean hasSiblings(PositionKey key) {
        List<StockKey> written = writtenOf(key);
        return before(key).shards().stream().anyMatch(r -> !written.contains(r.key()));
    }

    private void put(StockRecord record) {
        deleted.remove(record.key());
        touched.put(record.key(), record);
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

    /** {@code low ≤ free ≤ high}; free is never negative, so a band from 0 or below is "at most high". */
    private static Assertion between(long low, long high) {
        return low <= 0 ? new FreeAtMost(high) : new FreeBetween(low, high);
    }

    private static List<StockPlan.VersionCheck> dedupe(List<StockPlan.VersionCheck> checks) {
        return List.copyOf(new LinkedHashSet<>(checks));
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
