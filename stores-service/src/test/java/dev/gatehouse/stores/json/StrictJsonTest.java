package dev.gatehouse.stores.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every one of Jackson's stream limits is a 400 that names it, never a failure of its own: the
 * limits are set low here so that each is reached with a small body (over HTTP the body-size limit
 * comes first for strings and documents).
 */
class StrictJsonTest {

    private static final StrictJson JSON =
            new StrictJson(
                    new ObjectMapper(
                            JsonFactory.builder()
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(3)
                                                    .maxNumberLength(5)
                                                    .maxStringLength(8)
                                                    .maxNameLength(6)
                                                    .maxDocumentLength(200)
                                                    .maxTokenCount(40)
                                                    .build())
                                    .build()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
nesting       | {"a":[[[1]]]}                  | nesting depth is 4, at most 3 allowed
number        | {"a":1234567}                  | a number's length is 7, at most 5 allowed
fraction      | {"a":1.234567}                 | a number's length is 7, at most 5 allowed
string        | {"a":"abcdefghij"}             | a string's length is 10, at most 8 allowed
name          | {"abcdefgh":1}                 | a field name's length is 8, at most 6 allowed
""")
    void namesTheLimitABodyWentPast(String name, String body, String limit) {
        assertEquals("Request body exceeds a JSON limit: " + limit, refusal(body));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
document      | 250 | the document's length is
tokens        | 25  | the number of tokens is
""")
    void namesTheDocumentAndTokenLimits(String name, int entries, String limit) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < entries; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        body.append('}');
        String message = refusal(body.toString());
        assertEquals(
                "Request body exceeds a JSON limit: " + limit,
                message.substring(0, ("Request body exceeds a JSON limit: " + limit).length()),
                message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
truncated     | '{"a":'      | Request body is not valid JSON (line 1, column 6)
bad token     | '{"a":tru}'  | Request body is not valid JSON (line 1, column 6)
""")
    void stillPointsAtMalformedJson(String name, String body, String message) {
        assertEquals(message, refusal(body));
    }

    private static String refusal(String body) {
        return assertThrows(
                        InvalidRequestException.class,
                        () -> JSON.object(body.getBytes(StandardCharsets.UTF_8), "anything"))
                .getMessage();
    }
}
