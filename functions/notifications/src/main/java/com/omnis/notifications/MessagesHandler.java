package com.omnis.notifications;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;

/** Lambda entry point of {@code GET /me/messages}: a customer's delivery log. */
public final class MessagesHandler extends ApiHandler {

    public MessagesHandler() {
        this(Notifications.fromSettings(Settings.current()));
    }

    public MessagesHandler(Notifications notifications) {
        super(MessagesApi.router(notifications.log()));
    }
}
