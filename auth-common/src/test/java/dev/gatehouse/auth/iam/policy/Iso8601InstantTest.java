package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The allocation-free date reader agrees with java.time on every form IAM accepts. */
class Iso8601InstantTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z",
        "2026-01-01, 2026-01-01T00:00:00Z",
        "2026-03, 2026-03-01T00:00:00Z",
        "2026, 2026-01-01T00:00:00Z",
        "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
        "2026-07-04T12:30Z, 2026-07-04T12:30:00Z",
        "2026-07-04T12:30:15.5Z, 2026-07-04T12:30:15.500Z",
        "2026-07-04T12:30:15.123456Z, 2026-07-04T12:30:15.123Z",
        "2026-07-04T12:30:15+02:00, 2026-07-04T10:30:15Z",
        "2026-07-04T00:30:15-05:30, 2026-07-04T06:00:15Z",
        "2026-07-04T12:30:15, 2026-07-04T12:30:15Z",
        "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
        "1600-03-01T00:00:00Z, 1600-03-01T00:00:00Z",
        "1767225600, 2026-01-01T00:00:00Z",
        "0, 1970-01-01T00:00:00Z",
    })
    void readsTheW3cFormsAndEpochSeconds(String text, String expected) {
        assertEquals(
                OffsetDateTime.parse(expected).toInstant().toEpochMilli(),
                Iso8601Instant.epochMillis(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2026-13-01",
                "2026-00-01",
                "2026-02-29",
                "2026-04-31",
                "2026-1-1",
                "2026-01-01T",
                "2026-01-01T24:00:00Z",
                "2026-01-01T12:60Z",
                "2026-01-01T12:00:61Z",
                "2026-01-01T12:00:00.Z",
                "2026-01-01T12:00:00+2",
                "2026-01-01T12:00:00X",
                "2026-01-01 12:00:00Z",
                "1234567890123",
                "-5",
                "2026-01-01T12Z"
            })
    void refusesWhatIsNotADate(String text) {
        assertEquals(Iso8601Instant.INVALID, Iso8601Instant.epochMillis(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T12:00:00Z", "2000-02-29T00:00:00Z", "1999-12-31T23:59:59Z"})
    void agreesWithInstantParse(String text) {
        assertEquals(Instant.parse(text).toEpochMilli(), Iso8601Instant.epochMillis(text));
    }
}
