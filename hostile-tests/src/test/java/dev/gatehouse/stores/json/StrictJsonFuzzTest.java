package dev.gatehouse.stores.json;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.InvalidRequestException;

/**
 * StrictJson reads any body into a JSON object or a 400 {@link InvalidRequestException} with a
 * message: any other exception (a 500 on the wire) is a finding (a hang ends the fork:
 * hostile-tests/pom.xml). The seeds in {@code StrictJsonFuzzTestInputs/} include Jackson's stream
 * limits (nesting past 1000, a number of 1001 digits), which once ended in a NullPointerException.
 */
class StrictJsonFuzzTest {

    final StrictJson json = new StrictJson(new ObjectMapper());

    @FuzzTest(maxDuration = "20s")
    void everyBodyIsAnObjectOrA400(byte[] body) {
        try {
            JsonNode object = json.object(body, "a test");
            assertTrue(object.isObject());
        } catch (InvalidRequestException e) {
            assertNotNull(e.getMessage());
        }
    }
}
