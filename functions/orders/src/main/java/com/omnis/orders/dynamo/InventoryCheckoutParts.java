package com.omnis.orders.dynamo;

import com.omnis.inventory.checkout.InventoryCheckout;
import com.omnis.inventory.checkout.ReleaseReason;
import com.omnis.inventory.checkout.StockLine;
import com.omnis.orders.domain.StockEffect;
import com.omnis.orders.service.StockTake;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.inventory.StockPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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

    /**
     * Inventory's take. When another order took the units between sourcing and writing, the refusal is
     * turned into "read and decide again": sourcing on fresh positions may find them elsewhere, and
     * otherwise gives the shortfall with every location that has some.
     */
    @Override
    public TransactionPart take(Channel channel, List<StockTake> takes, Map<Sku, Map<String, StockPosition>> sourcedOn,
                                String orderId, String correlationId) {
        TransactionPart part = inventory.take(channel, takes.stream()
                .map(t -> StockLine.of(t.sku(), LocationId.of(t.locationId()), t.quantity())).toList(), sourcedOn, orderId,
                correlationId);
        return new TransactionPart() {
            @Override
            public List<TransactWriteItem> actions() {
                return part.actions();
            }

            @Override
            public Optional<RuntimeException> refusal(List<CancellationReason> reasons) {
                return part.refusal(reasons).map(refused -> refused instanceof ConflictException conflict
                        && conflict.code().equals("insufficient-stock")
                        ? new StaleWriteException("stock taken by another order since it was sourced") : refused);
            }
        };
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
