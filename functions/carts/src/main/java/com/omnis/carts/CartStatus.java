package com.omnis.carts;

/** Only an ACTIVE cart can change; a MERGED guest cart lives on in its customer's cart, a CHECKED_OUT one in an order. */
public enum CartStatus {
    ACTIVE, MERGED, CHECKED_OUT
}
