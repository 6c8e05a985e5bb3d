package com.omnis.notifications;

import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;

/** Lambda entry point of {@code GET /me/messages}: a customer's delivery log. */
public final class MessagesHandler extends ApiHandler {

    public MessagesHandler() {
        this(Notifications.messageLogFromSettings(Settings.current()));
    }

    public MessagesHandler(com.omnis.notifications.service.MessageLog log) {
        super(MessagesApi.router(log));
    }
}
