package dev.gatehouse.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read {@code X-Amz-Date} means exactly what the ISO-8601 basic formatter reads. */
class AmzDateTest {

    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private static Instant formatter(String value) {
        try {
            return LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsTenThousandRandomInstantsAsTheFormatterDoes() {
        Random random = new Random(20261124);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L));
            String value = SignatureParser.AMZ_DATE.format(instant);
            assertEquals(instant, SignatureParser.amzDate(value), value);
            assertEquals(formatter(value), SignatureParser.amzDate(value), value);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20240229T235959Z", // leap day
                "20230229T120000Z", // no such day
                "20260231T000000Z",
                "20261301T000000Z",
                "20261100T000000Z",
                "20261123T240000Z",
                "20261123T236000Z",
                "20261123T235960Z",
                "00001123T120000Z",
                "2026112XT120000Z",
                "20261123 120000Z",
                "20261123T120000z",
                "+0261123T120000Z",
                "2026-11-23T12:00",
            })
    void judgesOddDatesAsTheFormatterDoes(String value) {
        assertEquals(formatter(value), SignatureParser.amzDate(value), value);
    }
}
