package dev.gatehouse.auth.usageplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quota calendar is stated once, in {@link QuotaPeriod}; the decision script computes the same
 * period bounds in Lua (to stay one round trip on Redis's clock). This runs the script's calendar
 * section, as it ships, in a real Redis and compares it with QuotaPeriod for every day from 1900 to
 * 2200 and every period.
 */
class QuotaPeriodCalendarTest {

    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(2200, 12, 31);
    static final int DAYS_PER_CALL = 20_000;

    @Test
    void theDecisionScriptsPeriodsAreQuotaPeriodsForEveryDay() throws IOException {
        String harness =
                calendarSection()
                        + "\nlocal out = {}\n"
                        + "for day = tonumber(ARGV[2]), tonumber(ARGV[3]) do\n"
                        + "  local s, e = period_bounds(ARGV[1], day)\n"
                        + "  out[#out + 1] = s\n"
                        + "  out[#out + 1] = e\n"
                        + "end\n"
                        + "return out\n";
        int compared = 0;
        for (QuotaPeriod period : QuotaPeriod.values()) {
            for (long from = FIRST.toEpochDay(); from <= LAST.toEpochDay(); from += DAYS_PER_CALL) {
                long to = Math.min(from + DAYS_PER_CALL - 1, LAST.toEpochDay());
                List<?> bounds =
                        (List<?>)
                                RedisTestResource.standalone()
                                        .call(
                                                "EVAL",
                                                harness,
                                                "0",
                                                period.name(),
                                                Long.toString(from),
                                                Long.toString(to));
                for (long day = from; day <= to; day++) {
                    LocalDate date = LocalDate.ofEpochDay(day);
                    int i = (int) (day - from) * 2;
                    assertEquals(
                            period.start(date).toEpochDay(),
                            ((Number) bounds.get(i)).longValue(),
                            period + " start of " + date);
                    assertEquals(
                            period.next(date).toEpochDay(),
                            ((Number) bounds.get(i + 1)).longValue(),
                            period + " end of " + date);
                    compared++;
                }
            }
        }
        assertEquals(3 * (LAST.toEpochDay() - FIRST.toEpochDay() + 1), compared);
    }

    @Test
    void weeksStartOnSundayAndMonthsOnTheFirst() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29); // a Tuesday
        assertEquals(LocalDate.of(2028, 2, 27), QuotaPeriod.WEEK.start(leapDay));
        assertEquals(LocalDate.of(2028, 3, 5), QuotaPeriod.WEEK.next(leapDay));
        assertEquals(LocalDate.of(2028, 2, 1), QuotaPeriod.MONTH.start(leapDay));
        assertEquals(LocalDate.of(2028, 3, 1), QuotaPeriod.MONTH.next(leapDay));
        assertEquals(LocalDate.of(2029, 1, 1), QuotaPeriod.MONTH.next(LocalDate.of(2028, 12, 31)));
        assertEquals(leapDay.plusDays(1), QuotaPeriod.DAY.next(leapDay));
    }

    /** The calendar functions of usage-plan-decide.lua, between its calendar markers. */
    static String calendarSection() throws IOException {
        String script;
        try (InputStream in =
                QuotaPeriodCalendarTest.class
                        .getClassLoader()
                        .getResourceAsStream("lua/auth-common/usage-plan-decide.lua")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int begin = script.indexOf("-- calendar: begin");
        int end = script.indexOf("-- calendar: end");
        assertTrue(begin >= 0 && end > begin, "usage-plan-decide.lua marks its calendar section");
        return script.substring(begin, end);
    }
}
