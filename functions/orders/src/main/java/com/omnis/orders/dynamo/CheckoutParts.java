package com.omnis.orders.dynamo;

import com.omnis.orders.domain.StockEffect;
import com.omnis.orders.service.StockTake;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockPosition;
import java.util.List;
import java.util.Map;

/**
 * What orders composes from the other contexts: the cart closed at the version priced, stock taken
 * for an order, units given back or received from a return. Backed by the packages carts and
 * inventory publish for checkout ({@code com.omnis.carts.checkout}, {@code com.omnis.inventory.checkout}).
 */
public interface CheckoutParts {

    /** Closes the cart for {@code orderId} if it is still active at {@code version} (refusal: 409 cart-changed / cart-closed). */
    TransactionPart closeCart(String cartId, java.util.Optional<String> customerId, long version, String currency,
                              String orderId);

    /**
     * Takes units at their locations for an order (refusal: 409 insufficient-stock naming SKU and location),
     * decided on {@code sourcedOn}, the positions sourcing read (not read again).
     */
    TransactionPart take(com.omnis.shared.domain.Channel channel, List<StockTake> takes,
                         Map<Sku, Map<String, StockPosition>> sourcedOn, String orderId, String correlationId);

    /** Gives sold units back or receives returned ones, with reason {@code return} for the latter. */
    TransactionPart effects(List<StockEffect> effects, String orderId, String correlationId);
}
