package com.omnis.carts.dynamo;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartOwner;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.ChannelVisit;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a cart is laid out in {@code CARTS_TABLE}. Lines, codes and channel sightings are maps keyed by
 * SKU, code and channel, so one update expression can change one entry without touching the others.
 *
 * <pre>
 * cartId, itemType=CART, customerId | tokenHash, currency, status, version, createdAt, updatedAt,
 * expiresAt (epoch seconds, the table's TTL, guest carts only), mergedInto,
 * lines{SKU: {quantity, seenUnitPrice, addedAt}}, promoCodes{CODE: addedAt},
 * channelsFirstSeen{channel: at}, channelsLastSeen{channel: at}
 * </pre>
 * A customer's active cart is named by a pointer item {@code cartId="customer#<sub>", itemType=ACTIVE_CART, activeCartId}.
 */
final class CartItems {

    static final String CART_ID = "cartId";
    static final String ITEM_TYPE = "itemType";
    static final String CART_TYPE = "CART";
    static final String POINTER_TYPE = "ACTIVE_CART";
    static final String ACTIVE_CART_ID = "activeCartId";
    static final String CUSTOMER_ID = "customerId";
    static final String TOKEN_HASH = "tokenHash";
    static final String CURRENCY = "currency";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String MERGED_INTO = "mergedInto";
    static final String LINES = "lines";
    static final String QUANTITY = "quantity";
    static final String SEEN_UNIT_PRICE = "seenUnitPrice";
    static final String ADDED_AT = "addedAt";
    static final String PROMO_CODES = "promoCodes";
    static final String FIRST_SEEN = "channelsFirstSeen";
    static final String LAST_SEEN = "channelsLastSeen";

    private CartItems() {
    }

    static String pointerKey(String customerId) {
        return "customer#" + customerId;
    }

    static Map<String, AttributeValue> pointer(String customerId, CartId cartId) {
        return Map.of(CART_ID, s(pointerKey(customerId)), ITEM_TYPE, s(POINTER_TYPE), ACTIVE_CART_ID, s(cartId.value()));
    }

    static Map<String, AttributeValue> toItem(Cart cart) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CART_ID, s(cart.id().value()));
        item.put(ITEM_TYPE, s(CART_TYPE));
        switch (cart.owner()) {
            case CartOwner.Customer customer -> item.put(CUSTOMER_ID, s(customer.customerId()));
            case CartOwner.Guest guest -> item.put(TOKEN_HASH, s(guest.tokenHash()));
        }
        item.put(CURRENCY, s(cart.currency()));
        item.put(STATUS, s(cart.status().name()));
        item.put(VERSION, n(cart.version()));
        item.put(CREATED_AT, s(cart.createdAt().toString()));
        item.put(UPDATED_AT, s(cart.updatedAt().toString()));
        cart.expiresAt().ifPresent(expiry -> item.put(EXPIRES_AT, n(expiry.getEpochSecond())));
        cart.mergedInto().ifPresent(target -> item.put(MERGED_INTO, s(target.value())));
        Map<String, AttributeValue> lines = new HashMap<>();
        cart.lines().forEach(line -> lines.put(line.sku().value(), line(line)));
        item.put(LINES, AttributeValue.fromM(lines));
        Map<String, AttributeValue> codes = new HashMap<>();
        cart.promoCodes().forEach((code, at) -> codes.put(code, s(at.toString())));
        item.put(PROMO_CODES, AttributeValue.fromM(codes));
        Map<String, AttributeValue> first = new HashMap<>();
        Map<String, AttributeValue> last = new HashMap<>();
        cart.channels().forEach(visit -> {
            first.put(visit.channel().code(), s(visit.firstSeenAt().toString()));
            last.put(visit.channel().code(), s(visit.lastSeenAt().toString()));
        });
        item.put(FIRST_SEEN, AttributeValue.fromM(first));
        item.put(LAST_SEEN, AttributeValue.fromM(last));
        return item;
    }

    static AttributeValue line(CartLine line) {
        return AttributeValue.fromM(Map.of(
                QUANTITY, n(line.quantity()),
                SEEN_UNIT_PRICE, n(line.seenUnitPrice().amount()),
                ADDED_AT, s(line.addedAt().toString())));
    }

    static boolean isCart(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(ITEM_TYPE) && CART_TYPE.equals(item.get(ITEM_TYPE).s());
    }

    static Cart fromItem(Map<String, AttributeValue> item) {
        String currency = item.get(CURRENCY).s();
        CartOwner owner = item.containsKey(CUSTOMER_ID)
                ? new CartOwner.Customer(item.get(CUSTOMER_ID).s())
                : new CartOwner.Guest(item.get(TOKEN_HASH).s());
        List<CartLine> lines = new ArrayList<>();
        map(item, LINES).forEach((sku, value) -> {
            Map<String, AttributeValue> line = value.m();
            lines.add(new CartLine(Sku.of(sku), Integer.parseInt(line.get(QUANTITY).n()),
                    Money.of(Long.parseLong(line.get(SEEN_UNIT_PRICE).n()), currency),
                    Instant.parse(line.get(ADDED_AT).s())));
        });
        Map<String, Instant> codes = new LinkedHashMap<>();
        map(item, PROMO_CODES).forEach((code, at) -> codes.put(code, Instant.parse(at.s())));
        Map<String, AttributeValue> lastSeen = map(item, LAST_SEEN);
        List<ChannelVisit> channels = new ArrayList<>();
        map(item, FIRST_SEEN).forEach((code, first) -> Channel.fromCode(code).ifPresent(channel -> {
            Instant firstSeen = Instant.parse(first.s());
            Instant last = lastSeen.containsKey(code) ? Instant.parse(lastSeen.get(code).s()) : firstSeen;
            channels.add(new ChannelVisit(channel, firstSeen, last));
        }));
        return new Cart(new CartId(item.get(CART_ID).s()), owner, currency, CartStatus.valueOf(item.get(STATUS).s()),
                lines, codes, channels, Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(UPDATED_AT).s()),
                Optional.ofNullable(item.get(EXPIRES_AT)).map(v -> Instant.ofEpochSecond(Long.parseLong(v.n()))),
                Optional.ofNullable(item.get(MERGED_INTO)).map(v -> new CartId(v.s())));
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
