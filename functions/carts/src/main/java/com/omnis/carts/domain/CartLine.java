package com.omnis.carts.domain;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;

/**
 * A SKU in a cart. {@code seenUnitPrice} is the list price when the line was added, so the cart
 * can tell the shopper the price changed since.
 */
public record CartLine(Sku sku, int quantity, Money seenUnitPrice, Instant addedAt) {

    public CartLine {
        if (sku == null || seenUnitPrice == null || addedAt == null) {
            throw new IllegalArgumentException("sku, seenUnitPrice and addedAt are required");
        }
        if (quantity < 1 || quantity > Cart.MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + Cart.MAX_QUANTITY);
        }
    }

    public CartLine withQuantity(int newQuantity) {
        return new CartLine(sku, newQuantity, seenUnitPrice, addedAt);
    }
}
