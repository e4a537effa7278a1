package dev.gatehouse.auth.usageplan.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which {@code x-api-key} values have the shape of a key, {@code [A-Za-z0-9_-]{20,128}}. */
class ApiKeyHeaderTest {

    private static Optional<String> read(String value) {
        return ApiKeyHeader.read(Collections.singletonList(value));
    }

    private static String key(int length) {
        return "k".repeat(length);
    }

    @Test
    void aKeyOfNineteenCharactersIsRefused() {
        assertEquals(Optional.empty(), read(key(19)));
    }

    @Test
    void keysOfTwentyAndOfOneHundredTwentyEightCharactersAreAccepted() {
        assertEquals(Optional.of(key(20)), read(key(20)));
        assertEquals(Optional.of(key(128)), read(key(128)));
    }

    @Test
    void aKeyOfOneHundredTwentyNineCharactersIsRefused() {
        assertEquals(Optional.empty(), read(key(129)));
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertEquals(Optional.of(key(20)), read("  \t" + key(20) + " "));
    }

    @Test
    void whitespaceDoesNotCountTowardsTheLength() {
        assertEquals(Optional.empty(), read(" " + key(19) + " "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcdefghijklmnopqrstuvwxyz",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "01234567890123456789",
                "____________________",
                "--------------------",
                "aZ09_-aZ09_-aZ09_-aZ09_-"
            })
    void everyAllowedCharacterClassIsAccepted(String value) {
        assertEquals(Optional.of(value), read(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kkkkkkkkkk kkkkkkkkkk",
                "kkkkkkkkkk.kkkkkkkkkk",
                "kkkkkkkkkk+kkkkkkkkkk",
                "kkkkkkkkkk/kkkkkkkkkk",
                "kkkkkkkkkk=kkkkkkkkkk",
                "kkkkkkkkkkékkkkkkkkkk",
                "kkkkkkkkkk٣kkkkkkkkkk",
                "kkkkkkkkkk\u0000kkkkkkkkkk",
                ""
            })
    void aCharacterOutsideTheAllowedSetIsRefused(String value) {
        assertEquals(Optional.empty(), read(value));
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertEquals(Optional.empty(), ApiKeyHeader.read(null));
        assertEquals(Optional.empty(), ApiKeyHeader.read(List.of()));
    }

    @Test
    void aRepeatedHeaderIsRefusedEvenWithTheSameValueTwice() {
        assertEquals(Optional.empty(), ApiKeyHeader.read(List.of(key(20), key(20))));
    }

    @Test
    void aNullValueIsRefused() {
        assertEquals(Optional.empty(), ApiKeyHeader.read(Arrays.asList((String) null)));
    }

    @Test
    void aValueOverTwoHundredFiftySixCharactersIsRefusedEvenIfMostlyWhitespace() {
        String padded = " ".repeat(237) + key(20);
        assertEquals(257, padded.length());
        assertEquals(Optional.empty(), read(padded));
        assertEquals(Optional.of(key(20)), read(" ".repeat(236) + key(20)), "256 is still read");
    }
}
