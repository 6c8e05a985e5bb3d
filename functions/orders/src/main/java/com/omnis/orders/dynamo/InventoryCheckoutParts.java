package com.omnis.orders.dynamo;

import com.omnis.inventory.checkout.InventoryCheckout;
import com.omnis.inventory.checkout.ReleaseReason;
import com.omnis.inventory.checkout.StockLine;
import com.omnis.orders.domain.StockEffect;
import com.omnis.orders.service.StockTake;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.dynamo.TransactionPart;
import java.util.List;
import java.util.Optional;

/**
 * The other contexts' parts of orders' transactions, through what they publish for checkout: carts'
 * close ({@link CartsCheckoutAdapter}) and inventory's take, release and return receipt
 * ({@link InventoryCheckout}), each with its own outbox item of {@code StockChanged} events.
 */
public final class InventoryCheckoutParts implements CheckoutParts {

    private final CartsCheckoutAdapter carts;
    private final InventoryCheckout inventory;

    public InventoryCheckoutParts(CartsCheckoutAdapter carts, InventoryCheckout inventory) {
        this.carts = carts;
        this.inventory = inventory;
    }

    @Override
    public TransactionPart closeCart(String cartId, Optional<String> customerId, long version, String currency, String orderId) {
        return carts.close(cartId, customerId, version, currency, orderId);
    }

    @Override
    public TransactionPart take(Channel channel, List<StockTake> takes, String orderId, String correlationId) {
        return inventory.take(channel, takes.stream()
                .map(t -> StockLine.of(t.sku(), LocationId.of(t.locationId()), t.quantity())).toList(), orderId, correlationId);
    }

    /** One change gives units back for one reason (a cancellation, an expiry) or receives one return. */
    @Override
    public TransactionPart effects(List<StockEffect> effects, String orderId, String correlationId) {
        List<StockLine> lines = effects.stream()
                .map(e -> StockLine.of(e.sku(), LocationId.of(e.locationId()), e.quantity())).toList();
        return switch (effects.getFirst()) {
            case StockEffect.ReturnReceipt receipt -> inventory.receiveReturn(lines, receipt.returnId(), correlationId);
            case StockEffect.Restock restock -> inventory.release(lines, orderId,
                    restock.why().equals("pickup-expired") ? ReleaseReason.PICKUP_EXPIRED : ReleaseReason.ORDER_CANCELLED,
                    correlationId);
        };
    }
}
