package com.omnis.carts.domain;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.time.Instant;

/**
 * A SKU in a cart. {@code seenUnitPrice} is the list price when the line was added, so the cart
 * can tell the shopper the price changed since.
 */
public record CartLine(Sku sku, Quantity quantity, Money seenUnitPrice, Instant addedAt) {

    public CartLine {
        if (sku == null || quantity == null || seenUnitPrice == null || addedAt == null) {
            throw new IllegalArgumentException("sku, quantity, seenUnitPrice and addedAt are required");
        }
    }

    public CartLine withQuantity(Quantity newQuantity) {
        return new CartLine(sku, newQuantity, seenUnitPrice, addedAt);
    }

    /** As {@link #withQuantity(Quantity)}; a total beyond {@link Quantity#MAX} breaks the value's rule. */
    public CartLine withQuantity(int newQuantity) {
        return withQuantity(Quantity.of(newQuantity));
    }

    /** Whether {@code more} units still fit in this line. */
    public boolean hasRoomFor(Quantity more) {
        return quantity.value() + more.value() <= Quantity.MAX;
    }
}
