package com.omnis.orders.service;

import com.omnis.orders.domain.Claim;
import com.omnis.orders.domain.Contact;
import com.omnis.orders.domain.DeliveryConfirmation;
import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.OrderLine;
import com.omnis.orders.domain.OrderReturn;
import com.omnis.orders.domain.PlacedBy;
import com.omnis.shared.domain.Money;
import com.omnis.shared.pricing.Totals;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it: the derived {@code status}, {@code fulfilmentStatus} and
 * {@code paymentStatus} side by side; never the guest token's hash or the provider's event ids.
 */
public record OrderView(String orderId, String number, String status, String fulfilmentStatus, String paymentStatus,
                        String channel, PlacedBy placedBy, String customerId, Contact contact, String currency,
                        List<OrderLine> lines, Totals totals, List<Fulfilment> fulfilments, PaymentView payment,
                        List<OrderReturn> returns, List<Claim> claims, DeliveryConfirmation deliveryConfirmation,
                        String cancelReason, Instant placedAt, Instant updatedAt, long sequence) {

    public record PaymentView(String method, String reference, String status, Money refundRequested) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.orderId(), order.number(), order.status().code(), order.fulfilmentStatus(),
                order.payment().status().code(), order.channel().code(), order.placedBy(), order.customerId(),
                order.contact(), order.currency(), order.lines(), order.totals(), order.fulfilments(),
                new PaymentView(order.payment().method(), order.payment().reference(), order.payment().status().code(),
                        order.payment().refundRequested()),
                order.returns(), order.claims(), order.deliveryConfirmation(), order.cancelReason(), order.placedAt(),
                order.updatedAt(), order.sequence());
    }
}
