package com.omnis.carts.dynamo;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartOwner;
import com.omnis.carts.domain.CartStatus;
import com.omnis.carts.domain.CartTrail;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.domain.ChannelVisit;
import com.omnis.shared.cart.CartLayout;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * How carts are laid out in {@code CARTS_TABLE}, and every write's condition on that layout: the one
 * file that knows the attribute names. Lines, codes and channel sightings are maps keyed by SKU, code
 * and channel, so one update expression can change one entry without touching the others.
 *
 * <pre>
 * cartId, itemType=CART, customerId | tokenHash, currency, status, version, createdAt, updatedAt,
 * expiresAt (epoch seconds, the table's TTL, guest carts only), mergedInto, orderId, closedAt,
 * lines{SKU: {quantity, seenUnitPrice, addedAt}}, promoCodes{CODE: addedAt},
 * channelsFirstSeen{channel: at}, channelsLastSeen{channel: at},
 * agents (string set: the agents who changed it for its customer; absent when none),
 * lastChangedByKind, lastChangedById (customer | agent, and their token subject)
 * </pre>
 * A customer's active cart is named by a pointer item {@code cartId="customer#<sub>", itemType=ACTIVE_CART, activeCartId}.
 * The names are {@link CartLayout}'s, which readers outside this function ({@code shared.cart.CartHistory}) use;
 * {@code customerId} is the partition of the sparse {@code byCustomer} index (customers' carts only).
 */
final class CartItems {

    static final String CART_ID = CartLayout.CART_ID;
    static final String ITEM_TYPE = CartLayout.ITEM_TYPE;
    static final String CART_TYPE = CartLayout.CART_TYPE;
    static final String POINTER_TYPE = CartLayout.POINTER_TYPE;
    static final String ACTIVE_CART_ID = CartLayout.ACTIVE_CART_ID;
    static final String CUSTOMER_ID = CartLayout.CUSTOMER_ID;
    static final String TOKEN_HASH = "tokenHash";
    static final String CURRENCY = CartLayout.CURRENCY;
    static final String STATUS = CartLayout.STATUS;
    static final String VERSION = "version";
    static final String CREATED_AT = CartLayout.CREATED_AT;
    static final String UPDATED_AT = CartLayout.UPDATED_AT;
    static final String EXPIRES_AT = CartLayout.EXPIRES_AT;
    static final String MERGED_INTO = "mergedInto";
    static final String ORDER_ID = "orderId";
    static final String CLOSED_AT = "closedAt";
    static final String LINES = CartLayout.LINES;
    static final String QUANTITY = CartLayout.QUANTITY;
    static final String SEEN_UNIT_PRICE = CartLayout.SEEN_UNIT_PRICE;
    static final String ADDED_AT = CartLayout.ADDED_AT;
    static final String PROMO_CODES = "promoCodes";
    static final String FIRST_SEEN = CartLayout.FIRST_SEEN;
    static final String LAST_SEEN = CartLayout.LAST_SEEN;
    static final String AGENTS = "agents";
    static final String LAST_CHANGED_BY_KIND = "lastChangedByKind";
    static final String LAST_CHANGED_BY_ID = "lastChangedById";

    private CartItems() {
    }

    // ---- keys and items

    static Map<String, AttributeValue> key(CartId id) {
        return Map.of(CART_ID, s(id.value()));
    }

    static Map<String, AttributeValue> pointerKey(CustomerId customerId) {
        return Map.of(CART_ID, s(CartLayout.pointerId(customerId.value())));
    }

    static Optional<CartId> activeCartOf(Map<String, AttributeValue> pointer) {
        return Optional.ofNullable(pointer.get(ACTIVE_CART_ID)).map(id -> new CartId(id.s()));
    }

    static Map<String, AttributeValue> pointer(CustomerId customerId, CartId cartId) {
        Map<String, AttributeValue> item = new HashMap<>(pointerKey(customerId));
        item.put(ITEM_TYPE, s(POINTER_TYPE));
        item.put(ACTIVE_CART_ID, s(cartId.value()));
        return item;
    }

    static Map<String, AttributeValue> toItem(Cart cart) {
        Map<String, AttributeValue> item = new HashMap<>(key(cart.id()));
        item.put(ITEM_TYPE, s(CART_TYPE));
        switch (cart.owner()) {
            case CartOwner.Customer customer -> item.put(CUSTOMER_ID, s(customer.customerId().value()));
            case CartOwner.Guest guest -> item.put(TOKEN_HASH, s(guest.tokenHash()));
        }
        item.put(CURRENCY, s(cart.currency()));
        item.put(STATUS, s(cart.status().name()));
        item.put(VERSION, n(cart.version()));
        item.put(CREATED_AT, s(cart.createdAt().toString()));
        item.put(UPDATED_AT, s(cart.updatedAt().toString()));
        cart.expiresAt().ifPresent(expiry -> item.put(EXPIRES_AT, n(expiry.getEpochSecond())));
        cart.mergedInto().ifPresent(target -> item.put(MERGED_INTO, s(target.value())));
        cart.checkedOut().ifPresent(checkout -> {
            item.put(ORDER_ID, s(checkout.orderId()));
            item.put(CLOSED_AT, s(checkout.at().toString()));
        });
        Map<String, AttributeValue> lines = new HashMap<>();
        cart.lines().forEach(line -> lines.put(line.sku().value(), line(line)));
        item.put(LINES, AttributeValue.fromM(lines));
        Map<String, AttributeValue> codes = new HashMap<>();
        cart.promoCodes().forEach((code, at) -> codes.put(code.value(), s(at.toString())));
        item.put(PROMO_CODES, AttributeValue.fromM(codes));
        Map<String, AttributeValue> first = new HashMap<>();
        Map<String, AttributeValue> last = new HashMap<>();
        cart.channels().forEach(visit -> {
            first.put(visit.channel().code(), s(visit.firstSeenAt().toString()));
            last.put(visit.channel().code(), s(visit.lastSeenAt().toString()));
        });
        item.put(FIRST_SEEN, AttributeValue.fromM(first));
        item.put(LAST_SEEN, AttributeValue.fromM(last));
        if (!cart.trail().agents().isEmpty()) {
            item.put(AGENTS, AttributeValue.fromSs(List.copyOf(cart.trail().agents())));
        }
        cart.trail().lastChangedBy().ifPresent(actor -> {
            item.put(LAST_CHANGED_BY_KIND, s(actor.kind().code()));
            item.put(LAST_CHANGED_BY_ID, s(actor.id()));
        });
        return item;
    }

    static AttributeValue line(CartLine line) {
        return AttributeValue.fromM(Map.of(
                QUANTITY, n(line.quantity().value()),
                SEEN_UNIT_PRICE, n(line.seenUnitPrice().amount()),
                ADDED_AT, s(line.addedAt().toString())));
    }

    static boolean isCart(Map<String, AttributeValue> item) {
        return item != null && item.containsKey(ITEM_TYPE) && CART_TYPE.equals(item.get(ITEM_TYPE).s());
    }

    static Cart fromItem(Map<String, AttributeValue> item) {
        String currency = item.get(CURRENCY).s();
        CartOwner owner = item.containsKey(CUSTOMER_ID)
                ? new CartOwner.Customer(CustomerId.of(item.get(CUSTOMER_ID).s()))
                : new CartOwner.Guest(item.get(TOKEN_HASH).s());
        List<CartLine> lines = new ArrayList<>();
        map(item, LINES).forEach((sku, value) -> {
            Map<String, AttributeValue> line = value.m();
            lines.add(new CartLine(Sku.of(sku), Quantity.of(Integer.parseInt(line.get(QUANTITY).n())),
                    Money.of(Long.parseLong(line.get(SEEN_UNIT_PRICE).n()), currency),
                    Instant.parse(line.get(ADDED_AT).s())));
        });
        Map<PromoCode, Instant> codes = new LinkedHashMap<>();
        map(item, PROMO_CODES).forEach((code, at) -> codes.put(PromoCode.of(code), Instant.parse(at.s())));
        Map<String, AttributeValue> lastSeen = map(item, LAST_SEEN);
        List<ChannelVisit> channels = new ArrayList<>();
        map(item, FIRST_SEEN).forEach((code, first) -> Channel.fromCode(code).ifPresent(channel -> {
            Instant firstSeen = Instant.parse(first.s());
            Instant last = lastSeen.containsKey(code) ? Instant.parse(lastSeen.get(code).s()) : firstSeen;
            channels.add(new ChannelVisit(channel, firstSeen, last));
        }));
        Optional<Cart.CheckedOut> checkedOut = Optional.ofNullable(item.get(ORDER_ID))
                .map(order -> new Cart.CheckedOut(order.s(), Instant.parse(item.get(CLOSED_AT).s())));
        return new Cart(new CartId(item.get(CART_ID).s()), owner, currency, CartStatus.valueOf(item.get(STATUS).s()),
                lines, codes, channels, Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(CREATED_AT).s()), Instant.parse(item.get(UPDATED_AT).s()),
                Optional.ofNullable(item.get(EXPIRES_AT)).map(v -> Instant.ofEpochSecond(Long.parseLong(v.n()))),
                Optional.ofNullable(item.get(MERGED_INTO)).map(v -> new CartId(v.s())), checkedOut, trail(item));
    }

    /** Carts written before the trail have none; an actor kind this reader does not know is left out. */
    private static CartTrail trail(Map<String, AttributeValue> item) {
        AttributeValue agents = item.get(AGENTS);
        Optional<Actor> last = Optional.empty();
        if (item.containsKey(LAST_CHANGED_BY_KIND) && item.containsKey(LAST_CHANGED_BY_ID)) {
            try {
                last = Optional.of(new Actor(Actor.Kind.of(item.get(LAST_CHANGED_BY_KIND).s()),
                        item.get(LAST_CHANGED_BY_ID).s()));
            } catch (IllegalArgumentException newerKind) {
                last = Optional.empty();
            }
        }
        return new CartTrail(agents == null || !agents.hasSs() ? Set.of() : Set.copyOf(agents.ss()), last);
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    // ---- conditional writes

    /** A new cart, under an id nobody holds. */
    static Put insert(String table, Cart cart) {
        return Put.builder().tableName(table).item(toItem(cart))
                .conditionExpression("attribute_not_exists(#cartId)")
                .expressionAttributeNames(Map.of("#cartId", CART_ID))
                .build();
    }

    /** The customer's pointer naming {@code cartId}, provided it still names {@code replacing} (or nothing). */
    static Put pointTo(String table, CustomerId customerId, CartId cartId, Optional<CartId> replacing) {
        Put.Builder put = Put.builder().tableName(table).item(pointer(customerId, cartId));
        return replacing
                .map(previous -> put.conditionExpression("#active = :previous")
                        .expressionAttributeNames(Map.of("#active", ACTIVE_CART_ID))
                        .expressionAttributeValues(Map.of(":previous", s(previous.value()))))
                .orElseGet(() -> put.conditionExpression("attribute_not_exists(#cartId)")
                        .expressionAttributeNames(Map.of("#cartId", CART_ID)))
                .build();
    }

    /** {@code cart} written whole, provided the stored one is still ACTIVE at {@code versionRead}. */
    static Put replaceIfActiveAt(String table, Cart cart, long versionRead) {
        return Put.builder().tableName(table).item(toItem(cart))
                .conditionExpression("#status = :active AND #version = :version")
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION))
                .expressionAttributeValues(Map.of(":active", s(CartStatus.ACTIVE.name()), ":version", n(versionRead)))
                .build();
    }

    /**
     * Checkout: the cart becomes CHECKED_OUT for {@code orderId} only if it is still ACTIVE at
     * {@code expectedVersion}; the stored cart comes back with a refusal, to tell "changed" from "closed".
     * The same change as {@link Cart#checkedOutAs}.
     */
    static Update checkOut(String table, CartId id, long expectedVersion, String orderId, Instant at) {
        return Update.builder().tableName(table).key(key(id))
                .updateExpression("SET #status = :checkedOut, #orderId = :orderId, #closedAt = :at, #updatedAt = :at,"
                        + " #version = #version + :one")
                .conditionExpression("attribute_exists(#cartId) AND #itemType = :cart AND #status = :active"
                        + " AND #version = :expected")
                .expressionAttributeNames(Map.of("#cartId", CART_ID, "#itemType", ITEM_TYPE, "#status", STATUS,
                        "#version", VERSION, "#orderId", ORDER_ID, "#closedAt", CLOSED_AT, "#updatedAt", UPDATED_AT))
                .expressionAttributeValues(Map.of(":checkedOut", s(CartStatus.CHECKED_OUT.name()),
                        ":orderId", s(orderId), ":at", s(at.toString()), ":one", n(1), ":cart", s(CART_TYPE),
                        ":active", s(CartStatus.ACTIVE.name()), ":expected", n(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** The customer's pointer removed, if it names {@code cartId} (or is already gone): they have no active cart. */
    static Delete clearPointer(String table, CustomerId customerId, CartId cartId) {
        return Delete.builder().tableName(table).key(pointerKey(customerId))
                .conditionExpression("attribute_not_exists(#cartId) OR #active = :cart")
                .expressionAttributeNames(Map.of("#cartId", CART_ID, "#active", ACTIVE_CART_ID))
                .expressionAttributeValues(Map.of(":cart", s(cartId.value())))
                .build();
    }

    /**
     * One {@link CartUpdate} as a single {@code UpdateItem}: the edit's own SET/REMOVE on its map
     * entry, the common version/channel/expiry bookkeeping, and the edit's precondition, mirroring
     * {@link Cart#apply}.
     */
    static UpdateItemRequest update(String table, CartId id, CartUpdate update) {
        UpdateStatement statement = UpdateStatement.of(update);
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key(id))
                .updateExpression(statement.updateExpression())
                .conditionExpression(statement.conditionExpression())
                .expressionAttributeNames(statement.names())
                .expressionAttributeValues(statement.values())
                .returnValues(ReturnValue.ALL_NEW)
                .build();
    }

    private record UpdateStatement(List<String> sets, List<String> removes, List<String> adds, List<String> conditions,
                                   Map<String, String> names, Map<String, AttributeValue> values) {

        static UpdateStatement of(CartUpdate update) {
            UpdateStatement statement = new UpdateStatement(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new HashMap<>(), new HashMap<>());
            statement.common(update);
            statement.edit(update.edit());
            return statement;
        }

        private void common(CartUpdate update) {
            name("#cartId", CART_ID);
            name("#status", STATUS);
            name("#version", VERSION);
            name("#updatedAt", UPDATED_AT);
            name("#firstSeen", FIRST_SEEN);
            name("#lastSeen", LAST_SEEN);
            name("#channel", update.channel().code());
            value(":active", s(CartStatus.ACTIVE.name()));
            value(":one", n(1));
            value(":at", s(update.at().toString()));
            conditions.add("attribute_exists(#cartId)");
            conditions.add("#status = :active");
            update.expectedVersion().ifPresent(expected -> {
                value(":expectedVersion", n(expected));
                conditions.add("#version = :expectedVersion");
            });
            sets.add("#version = #version + :one");
            sets.add("#updatedAt = :at");
            sets.add("#firstSeen.#channel = if_not_exists(#firstSeen.#channel, :at)");
            sets.add("#lastSeen.#channel = :at");
            update.expiresAt().ifPresent(expiry -> {
                name("#expiresAt", EXPIRES_AT);
                value(":expiresAt", n(expiry.getEpochSecond()));
                sets.add("#expiresAt = :expiresAt");
            });
            update.by().ifPresent(actor -> {
                name("#lastByKind", LAST_CHANGED_BY_KIND);
                name("#lastById", LAST_CHANGED_BY_ID);
                value(":byKind", s(actor.kind().code()));
                value(":byId", s(actor.id()));
                sets.add("#lastByKind = :byKind");
                sets.add("#lastById = :byId");
                if (actor.kind() == Actor.Kind.AGENT) {
                    // ADD creates the set on a cart that has none yet (a nested SET could not)
                    name("#agents", AGENTS);
                    value(":agent", AttributeValue.fromSs(List.of(actor.id())));
                    adds.add("#agents :agent");
                }
            });
        }

        private void edit(CartEdit edit) {
            switch (edit) {
                case CartEdit.AddLine add -> {
                    lineNames(add.line().sku().value());
                    value(":line", line(add.line()));
                    value(":maxLines", n(Cart.MAX_LINES));
                    conditions.add("attribute_not_exists(#lines.#sku)");
                    conditions.add("size(#lines) < :maxLines");
                    sets.add("#lines.#sku = :line");
                }
                case CartEdit.IncreaseQuantity increase -> {
                    lineNames(increase.sku().value());
                    name("#quantity", QUANTITY);
                    value(":by", n(increase.by().value()));
                    value(":highestBefore", n(Quantity.MAX - increase.by().value()));
                    conditions.add("#lines.#sku.#quantity <= :highestBefore");
                    sets.add("#lines.#sku.#quantity = #lines.#sku.#quantity + :by");
                }
                case CartEdit.SetQuantity set -> {
                    lineNames(set.sku().value());
                    name("#quantity", QUANTITY);
                    value(":quantity", n(set.quantity().value()));
                    conditions.add("attribute_exists(#lines.#sku)");
                    sets.add("#lines.#sku.#quantity = :quantity");
                }
                case CartEdit.RemoveLine remove -> {
                    lineNames(remove.sku().value());
                    conditions.add("attribute_exists(#lines.#sku)");
                    removes.add("#lines.#sku");
                }
                case CartEdit.AddPromoCode add -> {
                    codeNames(add.code().value());
                    value(":maxCodes", n(Cart.MAX_PROMO_CODES));
                    conditions.add("attribute_not_exists(#codes.#code)");
                    conditions.add("size(#codes) < :maxCodes");
                    sets.add("#codes.#code = :at");
                }
                case CartEdit.RemovePromoCode remove -> {
                    codeNames(remove.code().value());
                    conditions.add("attribute_exists(#codes.#code)");
                    removes.add("#codes.#code");
                }
            }
        }

        private void lineNames(String sku) {
            name("#lines", LINES);
            name("#sku", sku);
        }

        private void codeNames(String code) {
            name("#codes", PROMO_CODES);
            name("#code", code);
        }

        private void name(String placeholder, String attribute) {
            names.put(placeholder, attribute);
        }

        private void value(String placeholder, AttributeValue value) {
            values.put(placeholder, value);
        }

        String updateExpression() {
            String set = "SET " + String.join(", ", sets);
            String remove = removes.isEmpty() ? set : set + " REMOVE " + String.join(", ", removes);
            return adds.isEmpty() ? remove : remove + " ADD " + String.join(", ", adds);
        }

        String conditionExpression() {
            return String.join(" AND ", conditions);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
