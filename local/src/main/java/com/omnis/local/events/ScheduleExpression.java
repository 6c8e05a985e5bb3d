package com.omnis.local.events;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or {@code cron(0/15 8-18 ? * MON-FRI *)}
 * (minutes, hours, day of month, month, day of week, year; UTC). The {@code L}, {@code W} and {@code #}
 * forms are not supported locally and are refused with a message.
 */
public sealed interface ScheduleExpression {

    /** The first time strictly after {@code after} when the schedule fires. */
    Instant next(Instant after);

    static ScheduleExpression parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            return Rate.parse(text.substring(5, text.length() - 1).trim());
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return Cron.parse(text.substring(5, text.length() - 1).trim());
        }
        throw new IllegalArgumentException("'" + expression + "' is neither rate(...) nor cron(...)");
    }

    /** {@code rate(value unit)}: every period, counted from when the runtime started. */
    record Rate(Duration period) implements ScheduleExpression {

        private static final Pattern RATE = Pattern.compile("(\\d+)\\s+(minute|minutes|hour|hours|day|days)");

        static Rate parse(String text) {
            Matcher matcher = RATE.matcher(text.toLowerCase(Locale.ROOT));
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
                throw new IllegalArgumentException("rate(" + text + "): expected a positive number and minute(s), hour(s) or day(s)");
            }
            long value = Long.parseLong(matcher.group(1));
            Duration period = switch (matcher.group(2).replaceFirst("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period);
        }

        @Override
        public Instant next(Instant after) {
            return after.plus(period);
        }
    }

    /** A six-field cron expression, evaluated minute by minute in UTC. */
    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {

        private static final List<String> MONTHS =
                List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private static final int SEARCH_LIMIT_MINUTES = 366 * 24 * 60 * 4;

        static Cron parse(String text) {
            String[] fields = text.toUpperCase(Locale.ROOT).split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron(" + text + "): expected 6 fields (minutes hours day-of-month month "
                        + "day-of-week year)");
            }
            return new Cron(field(fields[0], 0, 59, List.of(), 0), field(fields[1], 0, 23, List.of(), 0),
                    field(fields[2], 1, 31, List.of(), 0), field(fields[3], 1, 12, MONTHS, 1),
                    field(fields[4], 1, 7, DAYS, 1), field(fields[5], 1970, 2199, List.of(), 0),
                    isAny(fields[2]), isAny(fields[4]));
        }

        @Override
        public Instant next(Instant after) {
            ZonedDateTime time = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            for (int i = 0; i < SEARCH_LIMIT_MINUTES; i++, time = time.plusMinutes(1)) {
                if (matches(time)) {
                    return time.toInstant();
                }
            }
            throw new IllegalStateException("the cron expression never fires in the next four years");
        }

        private boolean matches(ZonedDateTime time) {
            int awsDayOfWeek = time.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : time.getDayOfWeek().getValue() + 1;
            boolean dayOfMonth = daysOfMonth.get(time.getDayOfMonth());
            boolean dayOfWeek = daysOfWeek.get(awsDayOfWeek);
            boolean day = anyDayOfMonth ? dayOfWeek : anyDayOfWeek ? dayOfMonth : dayOfMonth && dayOfWeek;
            return minutes.get(time.getMinute()) && hours.get(time.getHour()) && months.get(time.getMonthValue())
                    && years.get(time.getYear()) && day;
        }

        private static boolean isAny(String field) {
            return field.equals("?") || field.equals("*");
        }

        private static BitSet field(String field, int min, int max, List<String> names, int nameBase) {
            if (field.matches(".*[LW#].*")) {
                throw new IllegalArgumentException("cron field '" + field + "': L, W and # are not supported locally");
            }
            BitSet values = new BitSet();
            for (String part : field.split(",")) {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = Integer.parseInt(part.substring(slash + 1));
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] bounds = range.split("-");
                    from = value(bounds[0], names, nameBase);
                    to = value(bounds[1], names, nameBase);
                } else {
                    from = value(range, names, nameBase);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to || step < 1) {
                    throw new IllegalArgumentException("cron field '" + field + "' is outside " + min + "-" + max);
                }
                for (int value = from; value <= to; value += step) {
                    values.set(value);
                }
            }
            return values;
        }

        private static int value(String token, List<String> names, int nameBase) {
            int index = names.indexOf(token);
            return index >= 0 ? index + nameBase : Integer.parseInt(token);
        }
    }
}
