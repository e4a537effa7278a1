package dev.gatehouse.identity.srp;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The PASSWORD_VERIFIER {@code TIMESTAMP}: {@code EEE MMM d HH:mm:ss UTC yyyy} in English, day
 * without a leading zero. Only the canonical rendering is accepted (AWS rejects {@code Sep 05} and
 * wrong weekdays).
 */
public final class SrpTimestamp {

    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US);

    private SrpTimestamp() {}

    public static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The instant the timestamp names, if it is in canonical form. */
    public static Optional<Instant> parse(String text) {
        try {
            LocalDateTime parsed = LocalDateTime.parse(text, FORMAT);
            if (!FORMAT.format(parsed).equals(text)) {
                return Optional.empty();
            }
            return Optional.of(parsed.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
