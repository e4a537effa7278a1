package dev.gatehouse.identity.user;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user of the pool as stored: never a password, only the SRP salt and verifier (hex) derived from
 * it. {@code attributes} holds the standard attributes as strings ({@code email_verified} is {@code
 * "true"}/{@code "false"}, as GetUser returns it). {@code tokensValidAfter} (epoch seconds) is
 * moved forward by GlobalSignOut. {@code passwordSetAt} (epoch seconds) is when the current
 * password was set, which bounds a temporary password's validity; records written before it existed
 * read it as their last modification.
 */
public record User(
        String username,
        String sub,
        UserStatus status,
        boolean enabled,
        String salt,
        String verifier,
        Map<String, String> attributes,
        long createdAt,
        long modifiedAt,
        long tokensValidAfter,
        long passwordSetAt) {

    public User {
        if (passwordSetAt == 0) {
            passwordSetAt = modifiedAt;
        }
    }

    /** A new user whose password is set now ({@code modifiedAt}). */
    public User(
            String username,
            String sub,
            UserStatus status,
            boolean enabled,
            String salt,
            String verifier,
            Map<String, String> attributes,
            long createdAt,
            long modifiedAt,
            long tokensValidAfter) {
        this(
                username,
                sub,
                status,
                enabled,
                salt,
                verifier,
                attributes,
                createdAt,
                modifiedAt,
                tokensValidAfter,
                modifiedAt);
    }

    public String email() {
        return attributes.get("email");
    }

    public boolean emailVerified() {
        return "true".equals(attributes.get("email_verified"));
    }

    public User withStatus(UserStatus newStatus, long now) {
        return new User(
                username,
                sub,
                newStatus,
                enabled,
                salt,
                verifier,
                attributes,
                createdAt,
                now,
                tokensValidAfter,
                passwordSetAt);
    }

    public User withAttribute(String name, String value, long now) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value);
        return new User(
                username,
                sub,
                status,
                enabled,
                salt,
                verifier,
                changed,
                createdAt,
                now,
                tokensValidAfter,
                passwordSetAt);
    }

    /** A new password: its salt and verifier (hex), as {@code PasswordVerifier} made them. */
    public User withPassword(String newSalt, String newVerifier, long now) {
        return new User(
                username,
                sub,
                status,
                enabled,
                newSalt,
                newVerifier,
                attributes,
                createdAt,
                now,
                tokensValidAfter,
                now);
    }

    public User withTokensValidAfter(long epochSecond) {
        return new User(
                username,
                sub,
                status,
                enabled,
                salt,
                verifier,
                attributes,
                createdAt,
                modifiedAt,
                epochSecond,
                passwordSetAt);
    }
}
