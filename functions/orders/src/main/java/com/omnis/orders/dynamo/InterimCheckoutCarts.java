package com.omnis.orders.dynamo;

import com.omnis.orders.service.CheckoutCart;
import com.omnis.orders.service.CheckoutCarts;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stand-in for {@code com.omnis.carts.checkout}'s read until it is on main: the cart item read
 * strongly consistent, opened only to its customer or to the bearer of its guest token (constant-time
 * comparison of the token's hash). Replace by an adapter over the published read.
 */
public final class InterimCheckoutCarts implements CheckoutCarts {

    private final DynamoDbClient dynamo;
    private final String table;

    public InterimCheckoutCarts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CheckoutCart> find(String cartId, Caller caller, Optional<String> cartToken) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("cartId", AttributeValue.fromS(cartId))).consistentRead(true)).item();
        if (item == null || item.isEmpty() || !"CART".equals(text(item, "itemType"))) {
            return Optional.empty();
        }
        String customerId = text(item, "customerId");
        String tokenHash = text(item, "tokenHash");
        boolean open = customerId != null
                ? !caller.isAnonymous() && customerId.equals(caller.subject())
                : tokenHash != null && cartToken.map(token -> MessageDigest.isEqual(
                        com.omnis.orders.service.CheckoutService.sha256(token).getBytes(StandardCharsets.US_ASCII),
                        tokenHash.getBytes(StandardCharsets.US_ASCII))).orElse(false);
        if (!open) {
            return Optional.empty();
        }
        List<CheckoutCart.Line> lines = new ArrayList<>();
        item.getOrDefault("lines", AttributeValue.fromM(Map.of())).m().forEach((sku, line) ->
                lines.add(new CheckoutCart.Line(Sku.of(sku), Integer.parseInt(line.m().get("quantity").n()))));
        lines.sort(java.util.Comparator.comparing(l -> l.sku().value()));
        List<Channel> channels = new ArrayList<>();
        item.getOrDefault("channelsFirstSeen", AttributeValue.fromM(Map.of())).m().keySet()
                .forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
        return Optional.of(new CheckoutCart(cartId, customerId, customerId == null ? tokenHash : null,
                "ACTIVE".equals(text(item, "status")), Long.parseLong(item.get("version").n()), text(item, "currency"),
                lines, item.getOrDefault("promoCodes", AttributeValue.fromM(Map.of())).m().keySet(), channels));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
