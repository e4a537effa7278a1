package dev.gatehouse.identity.pool;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.time.Duration;
import java.time.Instant;

/** {@code Policies.PasswordPolicy}: checked wherever a password is set. */
public record PasswordPolicy(
        int minimumLength,
        boolean requireLowercase,
        boolean requireUppercase,
        boolean requireNumbers,
        boolean requireSymbols,
        int temporaryPasswordValidityDays) {

    /** AWS's default when {@code TemporaryPasswordValidityDays} is 0 or absent. */
    static final int DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS = 7;

    public PasswordPolicy {
        if (temporaryPasswordValidityDays < 0 || temporaryPasswordValidityDays > 365) {
            throw new IllegalArgumentException(
                    "gatehouse.identity.password-policy.temporary-password-validity-days must be"
                            + " 0-365, not "
                            + temporaryPasswordValidityDays);
        }
        if (temporaryPasswordValidityDays == 0) {
            temporaryPasswordValidityDays = DEFAULT_TEMPORARY_PASSWORD_VALIDITY_DAYS;
        }
    }

    /** How long a temporary password set at {@code setAt} stays usable. */
    public Instant temporaryPasswordExpiry(Instant setAt) {
        return setAt.plus(Duration.ofDays(temporaryPasswordValidityDays));
    }

    /** The symbols Cognito counts, plus the space (spec 5.1). */
    static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /** Throws InvalidPasswordException naming the first rule the password breaks. */
    public void check(String password) {
        if (password.length() < minimumLength) {
            throw CognitoErrors.invalidPassword("Password not long enough");
        }
        if (requireLowercase && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            throw CognitoErrors.invalidPassword("Password must have lowercase characters");
        }
        if (requireUppercase && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            throw CognitoErrors.invalidPassword("Password must have uppercase characters");
        }
        if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            throw CognitoErrors.invalidPassword("Password must have numeric characters");
        }
        if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            throw CognitoErrors.invalidPassword("Password must have symbol characters");
        }
    }
}
