package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.SecretHashes;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.token.RefreshTokens;
import dev.gatehouse.identity.token.TokenIssuer;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH (the password is checked against the SRP verifier)
 * and REFRESH_TOKEN_AUTH. An unknown user costs the same exponentiation, lockout count and lockout
 * answer as a wrong password, so neither timing nor answers tell them apart.
 */
@ApplicationScoped
public class PasswordAuthentication {

    private static final PasswordVerifier DECOY =
            PasswordVerifier.create("decoy", "decoy", "decoy-password");

    private final UserPool pool;
    private final UserStore users;
    private final SignInUsers signIn;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final NewPasswordChallenge newPassword;

    PasswordAuthentication(
            UserPool pool,
            UserStore users,
            SignInUsers signIn,
            TokenIssuer tokens,
            RefreshTokens refreshTokens,
            NewPasswordChallenge newPassword) {
        this.pool = pool;
        this.users = users;
        this.signIn = signIn;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.newPassword = newPassword;
    }

    public Map<String, Object> signIn(AppClient client, Map<String, String> parameters) {
        String name = AuthParameters.required(parameters, "USERNAME");
        String password = AuthParameters.required(parameters, "PASSWORD");
        return newPassword.signedIn(authenticate(client, name, password), client);
    }

    /**
     * The user whose name (or email alias) and password these are, with every check and count of
     * the API's password sign-in (lockout, PreventUserExistenceErrors, unconfirmed, disabled);
     * Cognito's errors otherwise. The hosted sign-in page uses this too.
     */
    public User authenticate(AppClient client, String name, String password) {
        Optional<User> found = signIn.resolve(name);
        if (found.isEmpty()) {
            if (client.preventUserExistenceErrors()) {
                signIn.checkNotLocked(name);
            }
            DECOY.matches(pool.poolName(), name, password);
            if (client.preventUserExistenceErrors()) {
                signIn.failed(name);
            }
            throw SignInUsers.unknown(client);
        }
        User user = found.get();
        signIn.checkMaySignIn(user, client);
        PasswordVerifier verifier = new PasswordVerifier(user.salt(), user.verifier());
        if (!verifier.matches(pool.poolName(), user.username(), password)) {
            signIn.failed(user);
            throw CognitoErrors.incorrectCredentials();
        }
        signIn.checkConfirmedOnceProven(user, client);
        signIn.succeeded(user);
        return user;
    }

    /**
     * {@code SECRET_HASH} of an InitiateAuth / RespondToAuthChallenge naming {@code USERNAME}: of
     * the name given or the internal username it resolves to.
     */
    public void checkSecretHash(AppClient client, Map<String, String> parameters) {
        if (!client.hasSecret()) {
            return;
        }
        String name = parameters.get("USERNAME");
        SecretHashes.check(
                client,
                Optional.ofNullable(parameters.get("SECRET_HASH")),
                name,
                name == null ? null : signIn.resolve(name).map(User::username).orElse(null));
    }

    /** REFRESH_TOKEN_AUTH of the API: {@code SECRET_HASH} of the token's username or sub. */
    public Map<String, Object> refresh(AppClient client, Map<String, String> parameters) {
        String token = AuthParameters.required(parameters, "REFRESH_TOKEN");
        RefreshTokens.Grant grant = grant(client, token);
        SecretHashes.check(
                client,
                Optional.ofNullable(parameters.get("SECRET_HASH")),
                grant.username(),
                grant.sub());
        return refreshed(client, grant);
    }

    /**
     * A refresh for a client that has already proven its secret ({@code /oauth2/token}
     * authenticates clients itself).
     */
    public Map<String, Object> refreshAuthenticatedClient(AppClient client, String token) {
        return refreshed(client, grant(client, token));
    }

    private RefreshTokens.Grant grant(AppClient client, String token) {
        return refreshTokens
                .find(token)
                .filter(g -> g.clientId().equals(client.id()))
                .orElseThrow(() -> CognitoErrors.notAuthorized("Invalid Refresh Token"));
    }

    private Map<String, Object> refreshed(AppClient client, RefreshTokens.Grant grant) {
        User user =
                users.byUsername(grant.username())
                        .filter(u -> grant.sub() == null || grant.sub().equals(u.sub()))
                        .orElseThrow(() -> CognitoErrors.notAuthorized("Invalid Refresh Token"));
        if (grant.revoked() || grant.issuedAt() <= user.tokensValidAfter()) {
            throw CognitoErrors.notAuthorized("Refresh Token has been revoked");
        }
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized("User is disabled.");
        }
        return Members.of(
                "AuthenticationResult",
                tokens.refresh(user, client, grant),
                "ChallengeParameters",
                Map.of());
    }
}
