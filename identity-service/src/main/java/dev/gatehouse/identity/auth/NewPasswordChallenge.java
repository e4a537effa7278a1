package dev.gatehouse.identity.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.token.TokenIssuer;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of every successful sign-in: tokens, or for a user an administrator created ({@code
 * FORCE_CHANGE_PASSWORD}) the {@code NEW_PASSWORD_REQUIRED} challenge (spec 2.6), answered with
 * {@code NEW_PASSWORD} and the challenge's {@code Session} within the auth session validity.
 */
@ApplicationScoped
public class NewPasswordChallenge {

    public static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";
    static final String INVALID_SESSION = "Invalid session for the user, session is expired.";
    static final String TEMPORARY_PASSWORD_EXPIRED =
            "Temporary password has expired and must be reset by an administrator.";

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final UserPool pool;
    private final UserStore users;
    private final TokenIssuer tokens;
    private final ObjectMapper json;
    private final Duration validity;
    private final Clock clock;

    NewPasswordChallenge(
            RedisDataSource redis,
            UserPool pool,
            UserStore users,
            TokenIssuer tokens,
            ObjectMapper json,
            IdentityConfig config,
            Clock clock) {
        this.clock = clock;
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.pool = pool;
        this.users = users;
        this.tokens = tokens;
        this.json = json;
        this.validity = config.tokens().authSessionValidity();
    }

    /**
     * Tokens for a user whose password was just proven, or the challenge; a temporary password past
     * the pool's {@code TemporaryPasswordValidityDays} is refused as Cognito refuses it.
     */
    public Map<String, Object> signedIn(User user, AppClient client) {
        if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            return Members.of(
                    "AuthenticationResult",
                    tokens.signIn(user, client),
                    "ChallengeParameters",
                    Map.of());
        }
        String session = open(user, client);
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        return Members.of(
                "ChallengeName",
                NEW_PASSWORD_REQUIRED,
                "Session",
                session,
                "ChallengeParameters",
                Members.of(
                        "USER_ID_FOR_SRP", user.username(),
                        "requiredAttributes", "[]",
                        "userAttributes", write(attributes)));
    }

    /**
     * Opens the challenge for a {@code FORCE_CHANGE_PASSWORD} user whose temporary password was
     * just proven; its {@code Session}. A temporary password past the pool's {@code
     * TemporaryPasswordValidityDays} is refused as Cognito refuses it. The hosted sign-in page
     * keeps the session server-side and answers it with {@link #answer}.
     */
    public String open(User user, AppClient client) {
        Instant expiry =
                pool.passwordPolicy()
                        .temporaryPasswordExpiry(Instant.ofEpochSecond(user.passwordSetAt()));
        if (!clock.instant().isBefore(expiry)) {
            throw CognitoErrors.notAuthorized(TEMPORARY_PASSWORD_EXPIRED);
        }
        String session =
                Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(48));
        String key = keys.newPasswordSession(hash(session));
        hashes.hset(
                key,
                Map.of(
                        "username",
                        user.username(),
                        "client",
                        client.id(),
                        "expires",
                        Long.toString(clock.instant().plus(validity).toEpochMilli())));
        redis.key().expire(key, validity);
        return session;
    }

    /** RespondToAuthChallenge / AdminRespondToAuthChallenge with NEW_PASSWORD_REQUIRED. */
    public Map<String, Object> answer(
            AppClient client, String session, Map<String, String> responses) {
        String newPassword = AuthParameters.required(responses, "NEW_PASSWORD");
        String name = AuthParameters.required(responses, "USERNAME");
        return signedIn(setNewPassword(client, session, name, newPassword), client);
    }

    /**
     * Answers the challenge {@code session} of {@code client} for {@code name} with {@code
     * newPassword} (checked against the policy); the user, now CONFIRMED. Cognito's errors
     * otherwise. The hosted new-password page uses this, then signs the user in itself.
     */
    public User setNewPassword(AppClient client, String session, String name, String newPassword) {
        if (session == null || session.isEmpty()) {
            throw CognitoErrors.missingMember("session");
        }
        String key = keys.newPasswordSession(hash(session));
        Map<String, String> stored = hashes.hgetall(key);
        if (stored == null
                || stored.isEmpty()
                || !client.id().equals(stored.get("client"))
                || expired(stored.get("expires"))) {
            throw CognitoErrors.notAuthorized(INVALID_SESSION);
        }
        User user =
                users.byUsername(stored.get("username"))
                        .filter(u -> u.status() == UserStatus.FORCE_CHANGE_PASSWORD)
                        .orElseThrow(() -> CognitoErrors.notAuthorized(INVALID_SESSION));
        boolean sameUser =
                UserKeys.fold(name).equals(UserKeys.fold(user.username()))
                        || users.resolve(name).map(u -> u.sub().equals(user.sub())).orElse(false);
        if (!sameUser) {
            throw CognitoErrors.notAuthorized(INVALID_SESSION);
        }
        pool.passwordPolicy().check(newPassword);
        redis.key().del(key);
        PasswordVerifier verifier =
                PasswordVerifier.create(pool.poolName(), user.username(), newPassword);
        long now = clock.instant().getEpochSecond();
        User confirmed =
                user.withPassword(verifier.salt(), verifier.verifier(), now)
                        .withStatus(UserStatus.CONFIRMED, now);
        users.save(confirmed);
        return confirmed;
    }

    private String write(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Past the session's {@code AuthSessionValidity} on the service's clock (Redis's TTL drops the
     * key too, but only in real time): the rule holds whatever Redis's own clock does.
     */
    private boolean expired(String expires) {
        return expires == null || clock.millis() >= Long.parseLong(expires);
    }

    private static String hash(String session) {
        return HexFormat.of().formatHex(Srp.sha256(session.getBytes(StandardCharsets.UTF_8)));
    }
}
