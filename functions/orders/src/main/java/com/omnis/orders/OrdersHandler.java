package com.omnis.orders;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.http.TokenVerifier;

/**
 * Lambda entry point of the orders HTTP routes: checkout, reads, fulfilment, cancellation, returns,
 * payment webhook. Routes open to guests (cart token), link tokens and the payment provider bypass
 * the API's authorizer, so a bearer token sent on them is verified here.
 */
public final class OrdersHandler extends ApiHandler {

    public OrdersHandler() {
        this(Orders.fromSettings(Settings.current()), TokenVerifier.fromSettings(Settings.current()));
    }

    public OrdersHandler(Orders orders, TokenVerifier verifier) {
        super(OrdersApi.router(orders, verifier));
    }
}
