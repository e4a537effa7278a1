package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.signup.VerificationCodes;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.token.AccessTokens;
import dev.gatehouse.identity.token.RefreshTokens;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operations authenticated by an access token: GetUser, GlobalSignOut, ChangePassword (spec 2.8).
 */
@ApplicationScoped
public class UserOperations implements OperationSet {

    private final AccessTokens accessTokens;
    private final UserStore users;
    private final RefreshTokens refreshTokens;
    private final UserPool pool;
    private final SignInUsers signIn;
    private final VerificationCodes counters;
    private final IdentityConfig.QuotasConfig quotas;
    private final Clock clock = Clock.systemUTC();

    UserOperations(
            AccessTokens accessTokens,
            UserStore users,
            RefreshTokens refreshTokens,
            UserPool pool,
            SignInUsers signIn,
            VerificationCodes counters,
            IdentityConfig config) {
        this.accessTokens = accessTokens;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.pool = pool;
        this.signIn = signIn;
        this.counters = counters;
        this.quotas = config.quotas();
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "GetUser", (request, call) -> getUser(request),
                "GlobalSignOut", (request, call) -> globalSignOut(request),
                "ChangePassword", (request, call) -> changePassword(request));
    }

    Map<String, Object> getUser(CognitoRequest request) {
        User user = caller(request);
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(Members.of("Name", "sub", "Value", user.sub()));
        user.attributes()
                .forEach((name, value) -> attributes.add(Members.of("Name", name, "Value", value)));
        return Members.of("Username", user.username(), "UserAttributes", attributes);
    }

    Map<String, Object> globalSignOut(CognitoRequest request) {
        User user = caller(request);
        users.save(user.withTokensValidAfter(clock.instant().getEpochSecond()));
        return Map.of();
    }

    /**
     * A wrong PreviousPassword is {@code Incorrect username or password.} and counts toward the
     * sign-in lockout, as a failed sign-in does; the user's tokens stay valid (as in Cognito).
     */
    Map<String, Object> changePassword(CognitoRequest request) {
        String proposed = request.required("ProposedPassword");
        User user = caller(request);
        String previous = request.optional("PreviousPassword").orElse("");
        pool.passwordPolicy().check(proposed);
        if (counters.overHourlyLimit(
                "change-password", user.username(), quotas.changePasswordsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        signIn.checkMaySignIn(user);
        PasswordVerifier current = new PasswordVerifier(user.salt(), user.verifier());
        if (!current.matches(pool.poolName(), user.username(), previous)) {
            signIn.failed(user);
            throw CognitoErrors.incorrectCredentials();
        }
        signIn.succeeded(user);
        PasswordVerifier next = PasswordVerifier.create(pool.poolName(), user.username(), proposed);
        users.save(
                user.withPassword(next.salt(), next.verifier(), clock.instant().getEpochSecond()));
        return Map.of();
    }

    /**
     * The token's user. Tokens issued up to the second of a GlobalSignOut are revoked (a sign-in in
     * that same second must be repeated).
     */
    private User caller(CognitoRequest request) {
        AccessTokens.Caller caller = accessTokens.verify(request.required("AccessToken"));
        User user =
                users.bySub(caller.sub())
                        .orElseThrow(() -> CognitoErrors.userNotFound("User does not exist."));
        if (caller.issuedAt() <= user.tokensValidAfter()
                || refreshTokens.originRevoked(caller.originJti())) {
            throw CognitoErrors.notAuthorized("Access Token has been revoked");
        }
        return user;
    }
}
