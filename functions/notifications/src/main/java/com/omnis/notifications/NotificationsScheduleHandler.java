package com.omnis.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.omnis.shared.config.Settings;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The notifications schedules (template.yaml): every few minutes the deferred messages whose time came
 * (quiet hours over, a new day for the frequency cap) go through the policy again; and the carts idle
 * long enough get their one reminder. Which job runs is the schedule's constant input {@code {"job": …}}.
 */
public final class NotificationsScheduleHandler implements RequestHandler<Map<String, Object>, NotificationsScheduleHandler.Report> {

    static final int DEFERRED_PER_RUN = 200;

    public record Report(String job, int looked) {
    }

    private final Notifications notifications;

    public NotificationsScheduleHandler() {
        this(Notifications.fromSettings(Settings.current()));
    }

    public NotificationsScheduleHandler(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Report handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            Object job = input == null ? null : input.get("job");
            return switch (job == null ? "deferred" : job.toString()) {
                case "abandoned-carts" -> new Report("abandoned-carts", notifications.carts().remind());
                default -> new Report("deferred", notifications.notifier().deliverDue(DEFERRED_PER_RUN));
            };
        });
    }
}
