package com.omnis.carts;

import com.omnis.carts.domain.CartId;
import com.omnis.carts.service.AgentCarts;
import com.omnis.carts.service.CartAccess;
import com.omnis.carts.service.Mutation;
import com.omnis.carts.service.Shopper;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.identity.Caller;
import java.util.function.Function;

/**
 * The carts API's inputs parsed into domain values, each invalid field named as the client sent it
 * ({@code quantity}, {@code path sku}) and every one of them answered in one 400. A cart id that cannot
 * be one of ours is a 404, like any unknown cart.
 */
final class CartsRequests {

    static final String CART_TOKEN_HEADER = "X-Cart-Token";

    private CartsRequests() {
    }

    record AddItemBody(String sku, Integer quantity) {
    }

    record QuantityBody(Integer quantity) {
    }

    record PromoCodeBody(String code) {
    }

    record MergeBody(String cartId, String token) {
    }

    record SendBody(String channel) {
    }

    record AddItem(Sku sku, Quantity quantity) {
    }

    record ChangeQuantity(Sku sku, Quantity quantity) {
    }

    record Merge(CartId guestCartId, String token) {
    }

    static CartId cartId(String raw) {
        return CartId.parse(raw).orElseThrow(() -> CartAccess.notFound(raw));
    }

    static AddItem addItem(AddItemBody body) {
        FieldErrors errors = new FieldErrors();
        Sku sku = errors.parse("sku", body.sku(), Sku::of);
        Quantity quantity = errors.parse("quantity", body.quantity(), Quantity::of);
        errors.throwIfAny();
        return new AddItem(sku, quantity);
    }

    static ChangeQuantity changeQuantity(String rawPathSku, QuantityBody body) {
        FieldErrors errors = new FieldErrors();
        Sku sku = errors.parse("path sku", rawPathSku, Sku::of);
        Quantity quantity = errors.parse("quantity", body.quantity(), Quantity::of);
        errors.throwIfAny();
        return new ChangeQuantity(sku, quantity);
    }

    static Sku pathSku(String raw) {
        return one("path sku", raw, Sku::of);
    }

    static PromoCode code(PromoCodeBody body) {
        return one("code", body.code(), PromoCode::of);
    }

    static PromoCode pathCode(String raw) {
        return one("path code", raw, PromoCode::of);
    }

    static Merge merge(MergeBody body) {
        FieldErrors errors = new FieldErrors();
        errors.check(isBlank(body.cartId()), "cartId", "is required");
        errors.check(isBlank(body.token()), "token", "is required");
        errors.throwIfAny();
        return new Merge(cartId(body.cartId()), body.token());
    }

    static Shopper shopper(ApiRequest request) {
        return new Shopper(request.caller(), request.header(CART_TOKEN_HEADER));
    }

    /**
     * The agent of an agent route acting for the path's {@code customerId}: 401 and 403 first (so that a
     * customer learns nothing of other customers' ids), then an id that cannot be a customer's is a 404.
     */
    static Shopper agentFor(ApiRequest request) {
        Caller caller = request.caller();
        Shopper.agentFor(caller, AGENT_CHECK);
        String raw = request.pathParam("customerId");
        CustomerId customer;
        try {
            customer = CustomerId.of(raw);
        } catch (IllegalArgumentException e) {
            throw AgentCarts.unknownCustomer(raw);
        }
        return Shopper.agentFor(caller, customer);
    }

    /** An agent acts on {@code call-center}: {@code X-Channel} may be left out, and cannot name another channel. */
    static Mutation agentMutation(ApiRequest request) {
        Shopper agent = agentFor(request);
        if (request.channelOr(Channel.CALL_CENTER) != Channel.CALL_CENTER) {
            throw InvalidInputException.of("header X-Channel", "an agent acts on the call-center channel");
        }
        Mutation mutation = Mutation.by(agent, Channel.CALL_CENTER);
        return request.ifMatchVersion().map(mutation::ifMatch).orElse(mutation);
    }

    static AgentCarts.SendChannel sendChannel(SendBody body) {
        if (body.channel() == null) {
            throw InvalidInputException.of("channel", "is required: email or sms");
        }
        return one("channel", body.channel(), raw -> EnumCodes.parse(AgentCarts.SendChannel.class, raw, "channel"));
    }

    static Mutation mutation(ApiRequest request) {
        Mutation mutation = Mutation.by(shopper(request), request.channel());
        return request.ifMatchVersion().map(mutation::ifMatch).orElse(mutation);
    }

    /** Any valid id: the group check of {@link Shopper#agentFor} runs before the path is read. */
    private static final CustomerId AGENT_CHECK = CustomerId.of("agent-check");

    private static <T> T one(String field, String raw, Function<String, T> parser) {
        FieldErrors errors = new FieldErrors();
        T value = errors.parse(field, raw, parser);
        errors.throwIfAny();
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
