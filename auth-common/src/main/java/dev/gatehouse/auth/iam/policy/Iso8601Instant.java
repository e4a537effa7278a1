package dev.gatehouse.auth.iam.policy;

/**
 * Reads the date forms IAM's date operators accept, to milliseconds since the epoch, without
 * allocating: the W3C profile of ISO 8601 ({@code 2026}, {@code 2026-01}, {@code 2026-01-01},
 * {@code 2026-01-01T00:00Z}, {@code 2026-01-01T00:00:00Z}, {@code 2026-01-01T00:00:00.123+02:00})
 * and epoch seconds ({@code 1767225600}). A time without a zone designator is read as UTC.
 */
final class Iso8601Instant {

    /** What {@link #epochMillis} answers for text that is not a date. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Iso8601Instant() {}

    static long epochMillis(String text) {
        int length = text.length();
        if (length == 0) {
            return INVALID;
        }
        if (digits(text, 0, length) && (length < 4 || length > 4 && length <= 12)) {
            return seconds(text, 0, length) * 1000; // epoch seconds
        }
        if (length < 4 || !digits(text, 0, 4)) {
            return INVALID;
        }
        int year = number(text, 0, 4);
        int month = 1;
        int day = 1;
        int i = 4;
        if (i < length && text.charAt(i) == '-') {
            if (!twoDigits(text, i + 1)) {
                return INVALID;
            }
            month = number(text, i + 1, i + 3);
            i += 3;
            if (i < length && text.charAt(i) == '-') {
                if (!twoDigits(text, i + 1)) {
                    return INVALID;
                }
                day = number(text, i + 1, i + 3);
                i += 3;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long millis = daysFromCivil(year, month, day) * MILLIS_PER_DAY;
        if (i == length) {
            return millis;
        }
        if ((text.charAt(i) != 'T' && text.charAt(i) != 't') || i != 10) {
            return INVALID;
        }
        return time(text, i + 1, millis);
    }

    /** {@code hh:mm[:ss[.fraction]][Z|±hh:mm]} after the T. */
    private static long time(String text, int i, long dayMillis) {
        int length = text.length();
        if (!twoDigits(text, i) || i + 5 > length || text.charAt(i + 2) != ':') {
            return INVALID;
        }
        if (!twoDigits(text, i + 3)) {
            return INVALID;
        }
        int hour = number(text, i, i + 2);
        int minute = number(text, i + 3, i + 5);
        int second = 0;
        int millis = 0;
        i += 5;
        if (i < length && text.charAt(i) == ':') {
            if (!twoDigits(text, i + 1)) {
                return INVALID;
            }
            second = number(text, i + 1, i + 3);
            i += 3;
            if (i < length && text.charAt(i) == '.') {
                int start = ++i;
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    if (i - start < 3) {
                        millis = millis * 10 + (text.charAt(i) - '0');
                    }
                    i++;
                }
                if (i == start) {
                    return INVALID;
                }
                for (int scale = i - start; scale < 3; scale++) {
                    millis *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int offsetMinutes = 0;
        if (i < length) {
            char zone = text.charAt(i);
            if ((zone == 'Z' || zone == 'z') && i + 1 == length) {
                offsetMinutes = 0;
            } else if ((zone == '+' || zone == '-') && i + 6 == length) {
                if (!twoDigits(text, i + 1)
                        || text.charAt(i + 3) != ':'
                        || !twoDigits(text, i + 4)) {
                    return INVALID;
                }
                int hours = number(text, i + 1, i + 3);
                int minutes = number(text, i + 4, i + 6);
                if (hours > 23 || minutes > 59) {
                    return INVALID;
                }
                offsetMinutes = (zone == '-' ? -1 : 1) * (hours * 60 + minutes);
            } else {
                return INVALID;
            }
        }
        return dayMillis + ((hour * 60L + minute - offsetMinutes) * 60 + second) * 1000 + millis;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean twoDigits(String text, int from) {
        return from + 2 <= text.length() && digits(text, from, from + 2);
    }

    /** The decimal number in {@code text[from, to)}, at most 12 digits, already checked. */
    private static int number(String text, int from, int to) {
        return (int) seconds(text, from, to);
    }

    private static long seconds(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
