package dev.gatehouse.identity.recovery;

import dev.gatehouse.identity.auth.SignInUsers;
import dev.gatehouse.identity.pool.AppClient;
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
 * without a verified email, gets a simulated delivery from ForgotPassword and {@code
 * CodeMismatchException} from ConfirmForgotPassword, so neither tells who exists.
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
    private final Clock clock = Clock.systemUTC();

    PasswordRecoveryOperations(
            UserPool pool,
            UserStore users,
            VerificationCodes codes,
            CodeMailer mailer,
            SignInUsers signIn,
            IdentityConfig config) {
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

    Map<String, Object> forgot(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        Optional<User> found = users.resolve(username);
        if (found.isEmpty() || !found.get().enabled() || !found.get().emailVerified()) {
            if (client.preventUserExistenceErrors()) {
                return simulatedDelivery(found.map(User::email).orElse(username));
            }
            if (found.isEmpty()) {
                throw CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
            }
            if (!found.get().enabled()) {
                throw CognitoErrors.notAuthorized("User is disabled.");
            }
            throw CognitoErrors.invalidParameter(NO_VERIFIED_CHANNEL);
        }
        User user = found.get();
        if (codes.overHourlyLimit(
                "forgot-password", user.username(), config.quotas().forgotPasswordsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        String code = codes.issue(RESET, user.username(), config.codes().resetValidity());
        mailer.send(user.email(), code);
        return Members.of("CodeDeliveryDetails", CodeDelivery.email(user.email()));
    }

    Map<String, Object> confirm(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        String code = request.required("ConfirmationCode");
        String password = request.required("Password");
        pool.passwordPolicy().check(password);
        Optional<User> found = users.resolve(username);
        if (found.isEmpty() || !found.get().enabled()) {
            if (client.preventUserExistenceErrors()) {
                throw CognitoErrors.codeMismatch();
            }
            throw found.isEmpty()
                    ? CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER)
                    : CognitoErrors.notAuthorized("User is disabled.");
        }
        User user = found.get();
        if (codes.overHourlyLimit(
                "confirm-forgot-password",
                user.username(),
                config.quotas().confirmForgotPasswordsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        switch (codes.check(RESET, user.username(), code)) {
            case EXPIRED -> throw CognitoErrors.expiredCode();
            case MISMATCH -> throw CognitoErrors.codeMismatch();
            case MATCH -> {}
        }
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

    /** A plausible {@code CodeDeliveryDetails} when nothing is sent (spec 1.4). */
    private static Map<String, Object> simulatedDelivery(String name) {
        String email =
                name.contains("@")
                        ? name
                        : (name.isEmpty() ? "x" : name.charAt(0)) + "@example.com";
        return Members.of("CodeDeliveryDetails", CodeDelivery.email(email));
    }
}
