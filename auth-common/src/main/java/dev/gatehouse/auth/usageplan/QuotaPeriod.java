package dev.gatehouse.auth.usageplan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Quota periods, calendar-aligned in UTC as recommended by spec section 2.7.2. */
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
}
