package dev.gatehouse.identity.recovery;

import dev.gatehouse.identity.auth.SignInUsers;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.SecretHashes;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.signup.CodeDelivery;
import dev.gatehouse.identity.signup.CodeMailer;
import dev.gatehouse.identity.signup.VerificationCodes;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.user.SimulatedUsers;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * ForgotPassword and ConfirmForgotPassword (spec 2.4, 1.4): a 6-digit code valid 1 h, mailed to the
 * user's verified email. Under PreventUserExistenceErrors an unknown or disabled user, or one
 * without a verified email, gets the same answers, quotas and Redis work as one who can reset, only
 * no mail is sent, so neither operation tells who exists.
 */
@ApplicationScoped
public class PasswordRecoveryOperations implements OperationSet {

    static final String RESET = "reset";
    private static final String UNKNOWN_CLIENT_USER = "Username/client id combination not found.";
    private static final String NO_VERIFIED_CHANNEL =
            "Cannot reset password for the user as there is no registered/verified email or"
                    + " phone_number";

    private final UserPool pool;
    private final UserStore users;
    private final VerificationCodes codes;
    private final CodeMailer mailer;
    private final SignInUsers signIn;
    private final IdentityConfig config;
    private final SimulatedUsers simulated;
    private final Clock clock;

    PasswordRecoveryOperations(
            UserPool pool,
            UserStore users,
            VerificationCodes codes,
            CodeMailer mailer,
            SignInUsers signIn,
            IdentityConfig config,
            SimulatedUsers simulated,
            Clock clock) {
        this.simulated = simulated;
        this.clock = clock;
        this.pool = pool;
        this.users = users;
        this.codes = codes;
        this.mailer = mailer;
        this.signIn = signIn;
        this.config = config;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "ForgotPassword", (request, call) -> forgot(request),
                "ConfirmForgotPassword", (request, call) -> confirm(request));
    }

    /**
     * A user who cannot reset (unknown, disabled, no verified email) costs the same as one who can
     * under PreventUserExistenceErrors: the hourly count, and a code stored (its HMAC) but never
     * sent, so that ConfirmForgotPassword then answers as it would for a real user.
     */
    Map<String, Object> forgot(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        SecretHashes.check(
                client,
                request.optional("SecretHash"),
                username,
                client.hasSecret() ? internalName(username) : null);
        Optional<User> found = users.resolve(username);
        boolean eligible =
                found.isPresent() && found.get().enabled() && found.get().emailVerified();
        if (!eligible && !client.preventUserExistenceErrors()) {
            if (found.isEmpty()) {
                throw CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
            }
            if (!found.get().enabled()) {
                throw CognitoErrors.notAuthorized("User is disabled.");
            }
            throw CognitoErrors.invalidParameter(NO_VERIFIED_CHANNEL);
        }
        String owner = found.map(User::username).orElse(username);
        if (codes.overHourlyLimit(
                "forgot-password", owner, config.quotas().forgotPasswordsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        String code = codes.issue(RESET, owner, config.codes().resetValidity());
        String email =
                found.map(User::email)
                        .filter(address -> address != null)
                        .orElseGet(() -> simulated.email(username));
        if (eligible) {
            mailer.send(email, code);
        }
        return Members.of("CodeDeliveryDetails", CodeDelivery.email(email));
    }

    /**
     * Under PreventUserExistenceErrors an unknown or disabled user is answered from the code stored
     * for the name, as a real user is: {@code ExpiredCodeException} when none is pending, else
     * {@code CodeMismatchException}.
     */
    Map<String, Object> confirm(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        SecretHashes.check(
                client,
                request.optional("SecretHash"),
                username,
                client.hasSecret() ? internalName(username) : null);
        String code = request.required("ConfirmationCode");
        String password = request.required("Password");
        pool.passwordPolicy().check(password);
        Optional<User> found = users.resolve(username);
        boolean eligible = found.isPresent() && found.get().enabled();
        if (!eligible && !client.preventUserExistenceErrors()) {
            throw found.isEmpty()
                    ? CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER)
                    : CognitoErrors.notAuthorized("User is disabled.");
        }
        String owner = found.map(User::username).orElse(username);
        if (codes.overHourlyLimit(
                "confirm-forgot-password",
                owner,
                config.quotas().confirmForgotPasswordsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        switch (codes.check(RESET, owner, code)) {
            case EXPIRED -> throw CognitoErrors.expiredCode();
            case MISMATCH -> throw CognitoErrors.codeMismatch();
            case MATCH -> {
                if (!eligible) {
                    throw CognitoErrors.codeMismatch();
                }
            }
        }
        User user = found.get();
        PasswordVerifier verifier =
                PasswordVerifier.create(pool.poolName(), user.username(), password);
        long now = clock.instant().getEpochSecond();
        User changed = user.withPassword(verifier.salt(), verifier.verifier(), now);
        if (user.status() == UserStatus.RESET_REQUIRED
                || user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            changed = changed.withStatus(UserStatus.CONFIRMED, now);
        }
        users.save(changed);
        codes.consume(RESET, user.username());
        signIn.succeeded(user);
        return Map.of();
    }

    /** The internal username {@code name} (maybe an alias) stands for, if any. */
    private String internalName(String name) {
        return users.resolve(name).map(User::username).orElse(null);
    }
}
