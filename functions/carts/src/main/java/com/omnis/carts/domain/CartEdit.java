package com.omnis.carts.domain;

import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;

/**
 * One change to one part of a cart, each with the precondition it needs. Every edit is small
 * enough for the store to apply atomically, so edits of different lines never overwrite each other.
 */
public sealed interface CartEdit {

    /** Needs the SKU absent and room for one more line. */
    record AddLine(CartLine line) implements CartEdit {
    }

    /** Needs the line present with room for {@code by} more units. */
    record IncreaseQuantity(Sku sku, Quantity by) implements CartEdit {
    }

    /** Needs the line present. */
    record SetQuantity(Sku sku, Quantity quantity) implements CartEdit {
    }

    /** Needs the line present. */
    record RemoveLine(Sku sku) implements CartEdit {
    }

    /** Needs the code absent and room for one more code. */
    record AddPromoCode(PromoCode code) implements CartEdit {
    }

    /** Needs the code present. */
    record RemovePromoCode(PromoCode code) implements CartEdit {
    }
}
