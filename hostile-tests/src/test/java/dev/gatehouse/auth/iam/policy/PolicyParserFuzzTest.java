package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * PolicyParser reads any text into a policy or an {@link InvalidPolicyException}: any other
 * exception is a finding (a hang ends the fork: hostile-tests/pom.xml). Seeds: {@code
 * PolicyParserFuzzTestInputs/}.
 */
class PolicyParserFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void everyDocumentIsAPolicyOrInvalid(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        try {
            assertNotNull(PolicyParser.parse(json));
        } catch (InvalidPolicyException e) {
            assertNotNull(e.getMessage());
        }
    }
}
