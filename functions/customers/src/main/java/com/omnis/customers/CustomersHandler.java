package com.omnis.customers;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;

/** Lambda entry point of the customers HTTP routes: the signed-in customer's profile, consents and saved items. */
public final class CustomersHandler extends ApiHandler {

    public CustomersHandler() {
        this(Customers.fromSettings(Settings.current()));
    }

    public CustomersHandler(Customers customers) {
        super(CustomersApi.router(customers));
    }
}
