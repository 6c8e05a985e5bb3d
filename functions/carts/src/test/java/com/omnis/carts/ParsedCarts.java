package com.omnis.carts;

import com.omnis.carts.service.CartService;
import com.omnis.carts.service.CartView;
import com.omnis.carts.service.Mutation;
import com.omnis.carts.service.Shopper;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.identity.Caller;

/**
 * The cart service as its routes call it: raw inputs parsed by {@link CartsRequests} first, so a
 * test can speak in the strings and numbers a client sends and see the 400 or 404 it would get.
 */
final class ParsedCarts {

    private final CartService service;

    ParsedCarts(CartService service) {
        this.service = service;
    }

    CartService.Opened open(Shopper shopper, Channel channel) {
        return service.open(shopper, channel);
    }

    CartView get(String cartId, Shopper shopper) {
        return service.get(CartsRequests.cartId(cartId), shopper);
    }

    CartView myCart(Caller caller) {
        return service.myCart(caller);
    }

    CartView addItem(String cartId, Mutation mutation, String sku, Integer quantity) {
        var item = CartsRequests.addItem(new CartsRequests.AddItemBody(sku, quantity));
        return service.addItem(CartsRequests.cartId(cartId), mutation, item.sku(), item.quantity());
    }

    CartView changeQuantity(String cartId, Mutation mutation, String sku, Integer quantity) {
        var change = CartsRequests.changeQuantity(sku, new CartsRequests.QuantityBody(quantity));
        return service.changeQuantity(CartsRequests.cartId(cartId), mutation, change.sku(), change.quantity());
    }

    CartView removeItem(String cartId, Mutation mutation, String sku) {
        return service.removeItem(CartsRequests.cartId(cartId), mutation, CartsRequests.pathSku(sku));
    }

    CartView addPromoCode(String cartId, Mutation mutation, String code) {
        return service.addPromoCode(CartsRequests.cartId(cartId), mutation,
                CartsRequests.code(new CartsRequests.PromoCodeBody(code)));
    }

    CartView removePromoCode(String cartId, Mutation mutation, String code) {
        return service.removePromoCode(CartsRequests.cartId(cartId), mutation, CartsRequests.pathCode(code));
    }

    CartView merge(Mutation mutation, String guestCartId, String token) {
        var merge = CartsRequests.merge(new CartsRequests.MergeBody(guestCartId, token));
        return service.merge(mutation, merge.guestCartId(), merge.token());
    }
}
