package dev.gatehouse.identity.user;

import java.util.Locale;

/**
 * Redis keys of one pool. All share the hash tag {@code {poolId}}, so a request's keys live in one
 * Redis Cluster slot. Usernames and email aliases are case-insensitive: keys use the lower-cased
 * form, records keep the case the user signed up with.
 */
public record UserKeys(String poolId) {

    public static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** {@code gatehouse:identity:{<poolId>}:}, the start of every key of the pool. */
    public String prefix() {
        return "gatehouse:identity:{" + poolId + "}:";
    }

    public String user(String username) {
        return prefix() + "user:" + fold(username);
    }

    public String emailAlias(String email) {
        return prefix() + "alias:email:" + fold(email);
    }

    public String sub(String sub) {
        return prefix() + "sub:" + sub;
    }

    /** A verification code for {@code purpose} (signup, reset) of one user. */
    public String code(String purpose, String username) {
        return prefix() + "code:" + purpose + ":" + fold(username);
    }

    /** An hourly counter of {@code action} for one user. */
    public String counter(String action, String username) {
        return prefix() + "count:" + action + ":" + fold(username);
    }

    public String failures(String username) {
        return prefix() + "failures:" + fold(username);
    }

    public String srpChallenge(String secretBlockHash) {
        return prefix() + "srp:" + secretBlockHash;
    }

    /** An open NEW_PASSWORD_REQUIRED challenge, by the SHA-256 of its Session. */
    public String newPasswordSession(String sessionHash) {
        return prefix() + "new-password:" + sessionHash;
    }

    public String refreshToken(String tokenHash) {
        return prefix() + "refresh:" + tokenHash;
    }

    /** Marks the access tokens of one sign-in ({@code origin_jti}) as revoked by RevokeToken. */
    public String revokedOrigin(String originJti) {
        return prefix() + "revoked-origin:" + originJti;
    }

    /** The token bucket of one request-quota category (e.g. {@code UserAuthentication}). */
    public String requestQuota(String category) {
        return prefix() + "quota:" + category;
    }

    public String signingKeys() {
        return prefix() + "signing-keys";
    }
}
