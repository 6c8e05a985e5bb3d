package com.omnis.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import java.util.Optional;
import java.util.Map;

/**
 * The notifications schedules (template.yaml): every few minutes the deferred messages whose time came
 * (quiet hours over, a new day for the frequency cap) go through the policy again; and the carts idle
 * long enough get their one reminder; saved items get their reminder or price-drop alert. Which job runs is the schedule's constant input {@code {"job": …}}.
 */
public final class NotificationsScheduleHandler implements RequestHandler<Map<String, Object>, NotificationsScheduleHandler.Report> {

    static final int DEFERRED_PER_RUN = 200;

    public record Report(String job, int looked) {
    }

    private final Notifications notifications;
    private final Invocation invocation;

    public NotificationsScheduleHandler() {
        this(Settings.current(), Invocation.of(Settings.current()));
    }

    private NotificationsScheduleHandler(Settings settings, Invocation invocation) {
        this(Notifications.fromSettings(settings, invocation.metrics()), invocation);
    }

    public NotificationsScheduleHandler(Notifications notifications) {
        this(notifications, new Invocation(Optional.empty(), Metrics.NONE));
    }

    NotificationsScheduleHandler(Notifications notifications, Invocation invocation) {
        this.notifications = notifications;
        this.invocation = invocation;
    }

    @Override
    public Report handleRequest(Map<String, Object> input, Context context) {
        return invocation.run(context, () -> {
            Object job = input == null ? null : input.get("job");
            return switch (job == null ? "deferred" : job.toString()) {
                case "abandoned-carts" -> new Report("abandoned-carts", notifications.carts().remind());
                case "saved-items" -> new Report("saved-items", notifications.savedItems().remind());
                default -> new Report("deferred", notifications.notifier().deliverDue(DEFERRED_PER_RUN));
            };
        });
    }
}
