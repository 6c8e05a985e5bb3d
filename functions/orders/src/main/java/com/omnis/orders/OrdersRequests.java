package com.omnis.orders;

import com.omnis.orders.domain.Address;
import com.omnis.orders.domain.Contact;
import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.OrderReturn;
import com.omnis.orders.domain.PaymentStatus;
import com.omnis.orders.domain.Sourcing;
import com.omnis.orders.service.CheckoutRequest;
import com.omnis.orders.service.PaymentService;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies of the orders API and their validation into values (400 naming every bad field). */
final class OrdersRequests {

    static final String TOKEN = "[A-Za-z0-9._:-]{1,100}";

    private OrdersRequests() {
    }

    /** {@code customerId}: an agent checking out for that customer (docs/acting-on-behalf.md); nobody else sends it. */
    record CheckoutBody(String cartId, FulfilmentBody fulfilment, PaymentBody payment, ContactBody contact,
                        MoneyBody expectedTotal, String customerId) {
    }

    record FulfilmentBody(String method, String locationId, AddressBody address) {
    }

    record AddressBody(String name, String line1, String postalCode, String city, String country) {
    }

    record PaymentBody(String method, String reference) {
    }

    record ContactBody(String email, String phone) {
    }

    record MoneyBody(Long amount, String currency) {
    }

    record EventBody(String type, String carrier, String trackingNumber) {
    }

    record CancelBody(String reason) {
    }

    record ReturnBody(List<ReturnLineBody> lines, String reason) {
    }

    record ReturnLineBody(String sku, Integer quantity, String disposition) {
    }

    record ReceiveBody(String locationId, List<ReturnLineBody> lines) {
    }

    record ConfirmationBody(Boolean received, String comment) {
    }

    record WebhookBody(String eventId, String type, String reference, MoneyBody amount) {
    }

    static CheckoutRequest checkout(CheckoutBody body) {
        FieldErrors errors = new FieldErrors();
        errors.check(body.cartId() == null || !body.cartId().matches("[A-Za-z0-9_-]{1,64}"), "cartId", "is required: the cart's id");
        Sourcing.Method method = null;
        Optional<String> locationId = Optional.empty();
        Optional<Address> address = Optional.empty();
        if (body.fulfilment() == null || body.fulfilment().method() == null) {
            errors.add("fulfilment.method", "is required: one of delivery, pickup, same-day, in-store");
        } else {
            method = errors.parse("fulfilment.method", body.fulfilment().method(),
                    raw -> EnumCodes.parse(Sourcing.Method.class, raw, "fulfilment method"));
            locationId = Optional.ofNullable(errors.parseOptional("fulfilment.locationId", body.fulfilment().locationId(),
                    raw -> LocationId.of(raw).value()));
            AddressBody a = body.fulfilment().address();
            if (a != null) {
                address = Optional.ofNullable(errors.parse("fulfilment.address", a,
                        raw -> new Address(raw.name(), raw.line1(), raw.postalCode(), raw.city(), raw.country())));
            }
            if ((method == Sourcing.Method.DELIVERY || method == Sourcing.Method.SAME_DAY) && a == null) {
                errors.add("fulfilment.address", "is required for " + body.fulfilment().method());
            }
            if (method == Sourcing.Method.PICKUP && body.fulfilment().locationId() == null) {
                errors.add("fulfilment.locationId", "is required for pickup: the store to collect at");
            }
        }
        CheckoutRequest.PaymentMethod payment = null;
        Optional<String> reference = Optional.empty();
        if (body.payment() == null || body.payment().method() == null) {
            errors.add("payment.method", "is required: one of card, pay-at-pickup, till");
        } else {
            payment = errors.parse("payment.method", body.payment().method(),
                    raw -> EnumCodes.parse(CheckoutRequest.PaymentMethod.class, raw, "payment method"));
            if (body.payment().reference() != null && !body.payment().reference().matches(TOKEN)) {
                errors.add("payment.reference", "is 1 to 100 characters of letters, digits and . _ : -");
            } else {
                reference = Optional.ofNullable(body.payment().reference());
            }
            if (payment == CheckoutRequest.PaymentMethod.CARD && reference.isEmpty()) {
                errors.add("payment.reference", "is required for card: the provider's payment reference");
            }
        }
        Contact contact = new Contact(null, null);
        if (body.contact() != null) {
            Contact parsed = errors.parse("contact", body.contact(), raw -> new Contact(raw.email(), raw.phone()));
            contact = parsed == null ? contact : parsed;
        }
        Optional<Money> expected = Optional.empty();
        if (body.expectedTotal() != null) {
            expected = Optional.ofNullable(errors.parse("expectedTotal", body.expectedTotal(),
                    raw -> Money.of(raw.amount() == null ? -1 : raw.amount(), raw.currency())));
        }
        Optional<CustomerId> onBehalfOf = Optional.ofNullable(errors.parseOptional("customerId", body.customerId(),
                CustomerId::of));
        errors.throwIfAny();
        return new CheckoutRequest(body.cartId(), method, locationId, address, payment, reference, contact, expected,
                onBehalfOf);
    }

    static FulfilmentState eventType(EventBody body) {
        FieldErrors errors = new FieldErrors();
        FulfilmentState state = null;
        if (body.type() == null) {
            errors.add("type", "is required: the state the fulfilment moves to, e.g. picked, shipped, ready-for-pickup");
        } else {
            state = errors.parse("type", body.type(), FulfilmentState::parse);
        }
        if (body.carrier() != null && (body.carrier().isBlank() || body.carrier().length() > 60)) {
            errors.add("carrier", "is 1 to 60 characters");
        }
        if (body.trackingNumber() != null && !body.trackingNumber().matches("[A-Za-z0-9-]{1,60}")) {
            errors.add("trackingNumber", "is 1 to 60 letters, digits or dashes");
        }
        errors.throwIfAny();
        return state;
    }

    static Map<Sku, Integer> returnLines(List<ReturnLineBody> lines, FieldErrors errors) {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        if (lines == null || lines.isEmpty()) {
            errors.add("lines", "needs at least one line");
            return units;
        }
        for (int i = 0; i < lines.size(); i++) {
            ReturnLineBody line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                errors.add(at, "is required");
                continue;
            }
            Sku sku = errors.parse(at + ".sku", line.sku(), Sku::of);
            Quantity quantity = errors.parse(at + ".quantity", line.quantity(), Quantity::of);
            if (sku != null && quantity != null) {
                units.merge(sku, quantity.value(), Integer::sum);
            }
        }
        return units;
    }

    static Map<Sku, Integer> returnRequest(ReturnBody body) {
        FieldErrors errors = new FieldErrors();
        Map<Sku, Integer> units = returnLines(body.lines(), errors);
        errors.check(body.reason() == null || body.reason().isBlank() || body.reason().length() > 200, "reason",
                "is required: 1 to 200 characters");
        errors.throwIfAny();
        return units;
    }

    static List<OrderReturn.Received> received(ReceiveBody body) {
        FieldErrors errors = new FieldErrors();
        errors.parse("locationId", body.locationId(), LocationId::of);
        List<OrderReturn.Received> received = new ArrayList<>();
        if (body.lines() == null || body.lines().isEmpty()) {
            errors.add("lines", "needs at least one line");
        } else {
            for (int i = 0; i < body.lines().size(); i++) {
                ReturnLineBody line = body.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(at, "is required");
                    continue;
                }
                Sku sku = errors.parse(at + ".sku", line.sku(), Sku::of);
                Quantity quantity = errors.parse(at + ".quantity", line.quantity(), Quantity::of);
                OrderReturn.Disposition disposition = line.disposition() == null
                        ? fail(errors, at + ".disposition", "is required: restock, quarantine or write-off")
                        : errors.parse(at + ".disposition", line.disposition(), OrderReturn.Disposition::parse);
                if (sku != null && quantity != null && disposition != null) {
                    received.add(new OrderReturn.Received(sku, quantity.value(), disposition));
                }
            }
        }
        errors.throwIfAny();
        return received;
    }

    static PaymentService.PaymentEvent webhook(WebhookBody body) {
        FieldErrors errors = new FieldErrors();
        errors.check(body.eventId() == null || !body.eventId().matches(TOKEN), "eventId", "is required: the provider's event id");
        errors.check(body.reference() == null || !body.reference().matches(TOKEN), "reference", "is required: the payment reference");
        PaymentStatus status = body.type() == null ? fail(errors, "type", "is required: authorised, captured, failed or refunded")
                : errors.parse("type", body.type(), PaymentStatus::parse);
        errors.check(status == PaymentStatus.PENDING, "type", "pending is not a provider event");
        errors.throwIfAny();
        return new PaymentService.PaymentEvent(body.eventId(), status, body.reference());
    }

    private static <T> T fail(FieldErrors errors, String field, String message) {
        errors.add(field, message);
        return null;
    }
}
