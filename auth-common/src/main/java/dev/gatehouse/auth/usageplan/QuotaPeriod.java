package dev.gatehouse.auth.usageplan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Quota periods, calendar-aligned in UTC. The one statement of their calendar:
 * usage-plan-decide.lua computes the same bounds in Lua, and QuotaPeriodCalendarTest holds it to
 * these for every day.
 */
public enum QuotaPeriod {
    /** From 00:00 UTC each day. */
    DAY,
    /** From Sunday 00:00 UTC. */
    WEEK,
    /** From 00:00 UTC on the 1st. */
    MONTH;

    /** The first day of the period containing {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the period after the one containing {@code day}. */
    public LocalDate next(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
