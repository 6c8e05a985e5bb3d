package com.omnis.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.service.MessageLog;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.identity.Caller;
import java.util.List;

/**
 * {@code GET /me/messages?limit=&cursor=}: the signed-in customer's own delivery log, newest first. Who:
 * a customer, about themselves only (the subject of their token); nothing else is reachable.
 */
final class MessagesApi {

    private final MessageLog log;

    private MessagesApi(MessageLog log) {
        this.log = log;
    }

    static Router router(MessageLog log) {
        MessagesApi api = new MessagesApi(log);
        return new Router().on("GET /me/messages", api::messages);
    }

    record MessageView(String at, String kind, String channel, String outcome, String reason, String notBefore,
                       String subject, EventView event) {
    }

    record EventView(String id, String type) {
    }

    record MessagesResponse(List<MessageView> items, String nextCursor) {
    }

    private APIGatewayV2HTTPResponse messages(ApiRequest request) {
        Caller caller = request.caller().requireGroup(Caller.CUSTOMER);
        int limit = request.queryInt("limit", 1, MessageLog.MAX_LIMIT).orElse(MessageLog.DEFAULT_LIMIT);
        Page<Delivery> page = log.of(caller.subject(), limit, request.query("cursor"));
        return ApiResponse.ok(new MessagesResponse(page.items().stream().map(MessagesApi::view).toList(), page.nextCursor()));
    }

    private static MessageView view(Delivery delivery) {
        return new MessageView(delivery.at().toString(), delivery.kind().code(), delivery.channel().code(),
                delivery.outcome().code(), delivery.reason(), delivery.notBefore().map(Object::toString).orElse(null),
                delivery.subject().orElse(null), new EventView(delivery.eventId(), delivery.eventType()));
    }
}
