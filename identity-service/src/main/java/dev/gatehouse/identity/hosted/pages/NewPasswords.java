package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.QueryParameters;
import java.util.Optional;

/**
 * The two new-password fields of the reset and first-sign-in pages ({@code password} and {@code
 * confirm_password}): both filled in and equal, before the API judges the password by the policy.
 */
final class NewPasswords {

    private NewPasswords() {}

    static Optional<String> missing(String password, QueryParameters form) {
        if (password.isEmpty()) {
            return Optional.of("Enter a new password.");
        }
        if (!password.equals(form.get("confirm_password").orElse(""))) {
            return Optional.of("The passwords do not match. Enter the new password twice.");
        }
        return Optional.empty();
    }
}
