package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.pool.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/** The pool's password policy as the sentences a page lists before the user types. */
public final class PasswordRules {

    private PasswordRules() {}

    public static List<String> of(PasswordPolicy policy) {
        List<String> rules = new ArrayList<>();
        rules.add("At least " + policy.minimumLength() + " characters");
        if (policy.requireLowercase()) {
            rules.add("At least one lowercase letter (a-z)");
        }
        if (policy.requireUppercase()) {
            rules.add("At least one uppercase letter (A-Z)");
        }
        if (policy.requireNumbers()) {
            rules.add("At least one number (0-9)");
        }
        if (policy.requireSymbols()) {
            rules.add("At least one symbol, such as ! @ # $ % & * - or a space");
        }
        return rules;
    }
}
