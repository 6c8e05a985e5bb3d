package com.omnis.notifications.domain;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A store's weekly hours as the catalog keeps them ({@code mon: "10:00-20:00"}, {@code sun: "closed"}), for a template. */
public record OpeningHours(Map<String, String> byDay) {

    private static final Map<Language, String> CLOSED = Map.of(Language.FR, "fermé", Language.ES, "cerrado", Language.EN, "closed");

    public OpeningHours {
        byDay = Map.copyOf(byDay);
    }

    /** Monday first, each day named in the language: {@code [{day: "lundi", hours: "10:00-20:00"}, …]}. */
    public List<Map<String, String>> lines(Language language) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = byDay.get(day.getDisplayName(TextStyle.SHORT, java.util.Locale.ENGLISH).toLowerCase(java.util.Locale.ROOT));
            if (hours == null) {
                continue;
            }
            String name = day.getDisplayName(TextStyle.FULL, language.locale());
            lines.add(Map.of("day", Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    "hours", hours.equalsIgnoreCase("closed") ? CLOSED.get(language) : hours.replace("-", "–")));
        }
        return lines;
    }
}
