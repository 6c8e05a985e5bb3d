package com.omnis.inventory.checkout;

import com.omnis.shared.error.ConflictException;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code current} of an {@code insufficient-stock} conflict: every SKU short, and where its units are. */
public record InsufficientStock(List<Shortfall> shortfalls) {

    public InsufficientStock {
        shortfalls = List.copyOf(shortfalls);
    }

    /** 409 {@code insufficient-stock} naming each SKU short, with these shortfalls as {@code current}. */
    public ConflictException conflict(String what) {
        String skus = shortfalls.stream()
                .map(s -> s.sku() + " (" + s.requested() + " wanted, " + s.available() + " available"
                        + (s.locations().size() == 1 ? " at " + s.locations().getFirst().locationId() : "") + ")")
                .collect(Collectors.joining(", "));
        return new ConflictException("insufficient-stock", "Insufficient stock",
                "not enough units for " + skus + "; nothing was " + what, this);
    }
}
