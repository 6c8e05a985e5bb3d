package com.omnis.orders.service;

import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.OrderNumber;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where orders live. Reads by id are strongly consistent; {@link #save} writes an order change only
 * if the order is still at the sequence it was read at ({@code StaleWriteException} otherwise), with
 * its stock effects (inventory's parts), events and bookkeeping items in the same transaction.
 */
public interface OrderStore {

    Optional<Order> find(String orderId);

    Optional<Order> findByNumber(OrderNumber number);

    /** The customer's orders from every channel, newest first. */
    Page<Order> customerOrders(String customerId, int limit, Optional<String> cursor);

    /** A location's fulfilments, newest first, optionally in one state. */
    Page<FulfilmentEntry> fulfilmentsAt(String locationId, Optional<FulfilmentState> state, int limit, Optional<String> cursor);

    /** The pickups ready for collection at these stores. */
    List<FulfilmentEntry> readyForPickup(List<String> storeIds, int limit);

    Optional<String> orderOfReturn(String returnId);

    Optional<String> orderOfPayment(String paymentReference);

    /** Checkout's one transaction. Refusals surface as the domain errors of the refusing part. */
    void place(Placement placement);

    /** Writes {@code change} if the order is still at {@code before.sequence()}. */
    void save(Order before, Order.Change change, List<DomainEvent> events, Optional<String> paymentEventId,
              Optional<String> newReturnId);

    /** Puts events on the outbox alone, for a change that wrote no order (an erasure's answer). */
    void publish(List<DomainEvent> events);

    /** Keeps an early payment event for a reference no order holds yet; false when that event id is already kept. */
    boolean keepPendingPayment(String paymentReference, PendingPayment payment);

    List<PendingPayment> pendingPayments(String paymentReference);

    /** Marks the pending events of a reference as applied (after the order absorbed them). */
    void clearPendingPayments(String paymentReference, List<String> eventIds, Instant at);
}
