package com.omnis.orders.domain;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.inventory.StockPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each line of an order comes from: a pure function of the lines, the locations and their
 * stock positions, so the same inputs always give the same plan, and each fulfilment says why
 * ({@link Fulfilment.Sourcing#reason()}). The rules are the table in docs/orders.md.
 */
public final class Sourcing {

    /** What the customer asked for. */
    public enum Method {
        DELIVERY, PICKUP, SAME_DAY, IN_STORE
    }

    /** One planned fulfilment. */
    public record Planned(FulfilmentKind kind, String locationId, List<Fulfilment.Line> lines, String reason) {
        public Planned {
            lines = List.copyOf(lines);
        }
    }

    /** Per SKU, what was asked, what the method could have, and where units are. */
    public record Shortfall(String sku, int requested, long available, List<Where> elsewhere) {
        public record Where(String locationId, String name, long available, List<String> via) {
        }
    }

    private final Map<String, Location> locations;
    private final Map<Sku, Map<String, StockPosition>> positions;
    private final Channel channel;

    /**
     * {@code channel} is whose safety stock applies: the order's channel, except that staff ordering
     * for delivery or pickup elsewhere (the endless aisle) sell what the web shop may sell.
     */
    public Sourcing(List<Location> locations, Map<Sku, Map<String, StockPosition>> positions, Channel channel) {
        Map<String, Location> byId = new LinkedHashMap<>();
        locations.stream().sorted(Comparator.comparing(Location::locationId)).forEach(l -> byId.put(l.locationId(), l));
        this.locations = byId;
        this.positions = positions;
        this.channel = channel;
    }

    public List<Planned> plan(Method method, List<Fulfilment.Line> lines, Optional<String> locationId,
                              Optional<String> postalCode) {
        return switch (method) {
            case DELIVERY -> delivery(lines);
            case PICKUP -> atStore(lines, store(locationId, "pickup", Location::pickupEnabled), FulfilmentKind.PICKUP,
                    "pickup at %s, which has every unit", "pickup");
            case IN_STORE -> atStore(lines, store(locationId, "till", l -> true), FulfilmentKind.IN_STORE,
                    "sold from the shelf of %s", "the till");
            case SAME_DAY -> sameDay(lines, postalCode.orElseThrow(() -> new RuleViolationException("address-required",
                    "Address required", "same-day delivery needs an address with a postal code")));
        };
    }

    long available(Sku sku, String locationId) {
        StockPosition position = positions.getOrDefault(sku, Map.of()).get(locationId);
        return position == null ? 0 : position.availableTo(channel);
    }

    // ---- delivery --------------------------------------------------------------------------------

    private List<Planned> delivery(List<Fulfilment.Line> lines) {
        List<Location> shippers = ranked(locations.values().stream().filter(l -> !l.isStore() || l.shipFromStore()).toList(),
                lines);
        for (Location location : shippers) {
            if (lines.stream().allMatch(line -> available(line.sku(), location.locationId()) >= line.quantity())) {
                String why = location.isStore()
                        ? "one shipment: no warehouse has every unit; %s ships from store and has the most of them"
                        : "one shipment: %s, a warehouse, has every unit";
                return List.of(new Planned(deliveryKind(location), location.locationId(), lines, why.formatted(location.name())));
            }
        }
        // fewest shipments: the location that ships the most remaining lines whole, preference order on ties
        Map<String, List<Fulfilment.Line>> assigned = new LinkedHashMap<>();
        List<Fulfilment.Line> remaining = new ArrayList<>(lines);
        while (!remaining.isEmpty()) {
            Location best = null;
            List<Fulfilment.Line> bestLines = List.of();
            for (Location location : shippers) {
                List<Fulfilment.Line> whole = remaining.stream()
                        .filter(line -> available(line.sku(), location.locationId()) - assignedUnits(assigned, location, line.sku())
                                >= line.quantity()).toList();
                if (whole.size() > bestLines.size()) {
                    best = location;
                    bestLines = whole;
                }
            }
            if (best == null) {
                break;
            }
            assigned.computeIfAbsent(best.locationId(), k -> new ArrayList<>()).addAll(bestLines);
            remaining.removeAll(bestLines);
        }
        // a line no single location holds is split across them, in preference order
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Fulfilment.Line line : remaining) {
            int left = line.quantity();
            for (Location location : shippers) {
                long free = available(line.sku(), location.locationId()) - assignedUnits(assigned, location, line.sku());
                int take = (int) Math.min(left, Math.max(0, free));
                if (take > 0) {
                    assigned.computeIfAbsent(location.locationId(), k -> new ArrayList<>()).add(new Fulfilment.Line(line.sku(), take));
                    left -= take;
                }
                if (left == 0) {
                    break;
                }
            }
            if (left > 0) {
                long total = shippers.stream().mapToLong(l -> available(line.sku(), l.locationId())).sum();
                shortfalls.add(shortfall(line, total));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw refusal("delivery", shortfalls);
        }
        List<Planned> plan = new ArrayList<>();
        int shipments = assigned.size();
        for (Location location : shippers) {
            List<Fulfilment.Line> own = assigned.get(location.locationId());
            if (own != null) {
                plan.add(new Planned(deliveryKind(location), location.locationId(), merge(own),
                        "%d shipments, the fewest possible: no single location has every unit; %s ships %d of the lines"
                                .formatted(shipments, location.name(), own.size())));
            }
        }
        return plan;
    }

    private static int assignedUnits(Map<String, List<Fulfilment.Line>> assigned, Location location, Sku sku) {
        return assigned.getOrDefault(location.locationId(), List.of()).stream().filter(l -> l.sku().equals(sku))
                .mapToInt(Fulfilment.Line::quantity).sum();
    }

    private static FulfilmentKind deliveryKind(Location location) {
        return location.isStore() ? FulfilmentKind.SHIP_FROM_STORE : FulfilmentKind.DELIVERY;
    }

    /** Warehouses before stores; within each, most units of the order's SKUs first (keeps thin stores whole), then id. */
    private List<Location> ranked(List<Location> candidates, List<Fulfilment.Line> lines) {
        return candidates.stream().sorted(Comparator.comparing(Location::isStore)
                .thenComparing(Comparator.comparingLong((Location l) -> unitsOf(l, lines)).reversed())
                .thenComparing(Location::locationId)).toList();
    }

    private long unitsOf(Location location, List<Fulfilment.Line> lines) {
        return lines.stream().mapToLong(line -> available(line.sku(), location.locationId())).sum();
    }

    // ---- stores ----------------------------------------------------------------------------------

    private Location store(Optional<String> locationId, String what, java.util.function.Predicate<Location> offers) {
        String id = locationId.orElseThrow(() -> new RuleViolationException("location-required", "Location required",
                "choose the store for the " + what));
        Location location = locations.get(id);
        if (location == null || !location.isStore() || !offers.test(location)) {
            throw new RuleViolationException("location-not-available", "Location not available",
                    id + " is not a store that offers the " + what);
        }
        return location;
    }

    private List<Planned> atStore(List<Fulfilment.Line> lines, Location store, FulfilmentKind kind, String reason,
                                  String what) {
        List<Shortfall> shortfalls = lines.stream()
                .filter(line -> available(line.sku(), store.locationId()) < line.quantity())
                .map(line -> shortfall(line, available(line.sku(), store.locationId()))).toList();
        if (!shortfalls.isEmpty()) {
            throw refusal(what + " at " + store.name(), shortfalls);
        }
        return List.of(new Planned(kind, store.locationId(), lines, reason.formatted(store.name())));
    }

    private List<Planned> sameDay(List<Fulfilment.Line> lines, String postalCode) {
        List<Location> covering = ranked(locations.values().stream().filter(Location::isStore)
                .filter(l -> l.sameDayPostalPrefixes().stream().anyMatch(postalCode::startsWith)).toList(), lines);
        if (covering.isEmpty()) {
            throw new RuleViolationException("same-day-not-available", "No same-day delivery there",
                    "no store delivers the same day to " + postalCode);
        }
        for (Location store : covering) {
            if (lines.stream().allMatch(line -> available(line.sku(), store.locationId()) >= line.quantity())) {
                return List.of(new Planned(FulfilmentKind.SAME_DAY, store.locationId(), lines,
                        "same day: %s covers %s and has every unit".formatted(store.name(), postalCode)));
            }
        }
        List<Shortfall> shortfalls = lines.stream()
                .filter(line -> covering.stream().noneMatch(s -> available(line.sku(), s.locationId()) >= line.quantity()))
                .map(line -> shortfall(line, covering.stream().mapToLong(s -> available(line.sku(), s.locationId())).max().orElse(0)))
                .toList();
        throw refusal("same-day delivery to " + postalCode,
                shortfalls.isEmpty() ? List.of(shortfall(lines.getFirst(), 0)) : shortfalls);
    }

    // ---- refusals --------------------------------------------------------------------------------

    private Shortfall shortfall(Fulfilment.Line line, long available) {
        List<Shortfall.Where> where = new ArrayList<>();
        for (Location location : locations.values()) {
            long units = available(line.sku(), location.locationId());
            if (units <= 0) {
                continue;
            }
            List<String> ways = new ArrayList<>();
            if (!location.isStore() || location.shipFromStore()) {
                ways.add("delivery");
            }
            if (location.isStore() && location.pickupEnabled()) {
                ways.add("pickup");
            }
            where.add(new Shortfall.Where(location.locationId(), location.name(), units, ways));
        }
        return new Shortfall(line.sku().value(), line.quantity(), available, where);
    }

    private static ConflictException refusal(String what, List<Shortfall> shortfalls) {
        List<String> parts = new ArrayList<>();
        for (Shortfall s : shortfalls) {
            StringBuilder part = new StringBuilder("not enough " + s.sku() + " for " + what + " (" + s.requested()
                    + " wanted, " + s.available() + " available)");
            for (Shortfall.Where where : s.elsewhere()) {
                if (!where.via().isEmpty()) {
                    part.append("; ").append(where.available()).append(" at ").append(where.name()).append(" for ")
                            .append(String.join(" or ", where.via()));
                }
            }
            parts.add(part.toString());
        }
        return new ConflictException("insufficient-stock", "Insufficient stock",
                String.join(". ", parts) + "; nothing was ordered", Map.of("shortfalls", shortfalls));
    }

    private static List<Fulfilment.Line> merge(List<Fulfilment.Line> lines) {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units.entrySet().stream().map(e -> new Fulfilment.Line(e.getKey(), e.getValue())).toList();
    }
}
