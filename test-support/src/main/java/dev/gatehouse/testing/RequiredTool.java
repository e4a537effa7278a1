package dev.gatehouse.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * A tool a real-client test needs (Node, kubectl, the AWS CLI, Chromium). On a developer's machine
 * a missing tool skips the test with its reason; under {@code CI=true} it fails it, so CI never
 * passes by skipping what it is meant to prove ({@code .ci/run} installs every tool).
 */
public final class RequiredTool {

    private RequiredTool() {}

    /** Skips (or under CI fails) the calling test when {@code missing} is non-null. */
    public static void require(String missing) {
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and a required tool is missing: " + missing);
        }
        Assumptions.assumeTrue(false, missing);
    }
}
