package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** SignUp, ConfirmSignUp and ResendConfirmationCode (spec 2.1-2.3). */
@ApplicationScoped
public class SignUpOperations implements OperationSet {

    static final String SIGNUP = "signup";
    private static final String UNKNOWN_CLIENT_USER = "Username/client id combination not found.";
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private final UserPool pool;
    private final UserStore users;
    private final VerificationCodes codes;
    private final CodeMailer mailer;
    private final IdentityConfig.CodesConfig config;
    private final Clock clock = Clock.systemUTC();

    SignUpOperations(
            UserPool pool,
            UserStore users,
            VerificationCodes codes,
            CodeMailer mailer,
            IdentityConfig config) {
        this.pool = pool;
        this.users = users;
        this.codes = codes;
        this.mailer = mailer;
        this.config = config.codes();
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "SignUp", (request, call) -> signUp(request),
                "ConfirmSignUp", (request, call) -> confirm(request),
                "ResendConfirmationCode", (request, call) -> resend(request));
    }

    Map<String, Object> signUp(CognitoRequest request) {
        pool.client(request.required("ClientId"));
        String username = request.required("Username");
        String password = request.required("Password");
        if (username.length() > 128 || !USERNAME.matcher(username).matches()) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value at 'username' failed to satisfy"
                            + " constraint: Member must satisfy regular expression pattern:"
                            + " [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        Map<String, String> attributes = request.attributes("UserAttributes");
        AttributeSchema.check(attributes, pool.requiredAttributes());
        if (AttributeSchema.looksLikeEmail(username)) {
            throw CognitoErrors.invalidParameter(
                    "Username cannot be of email format, since user pool is configured for email"
                            + " alias.");
        }
        pool.passwordPolicy().check(password);
        Map<String, String> stored = new LinkedHashMap<>(attributes);
        stored.put("email_verified", "false");
        String sub = UUID.randomUUID().toString();
        PasswordVerifier verifier = PasswordVerifier.create(pool.poolName(), username, password);
        long now = clock.instant().getEpochSecond();
        User user =
                new User(
                        username,
                        sub,
                        UserStatus.UNCONFIRMED,
                        true,
                        verifier.salt(),
                        verifier.verifier(),
                        stored,
                        now,
                        now,
                        0);
        if (!users.create(user)) {
            throw CognitoErrors.usernameExists();
        }
        sendCode(user);
        return Members.of(
                "UserConfirmed",
                false,
                "UserSub",
                sub,
                "CodeDeliveryDetails",
                CodeDelivery.email(user.email()));
    }

    Map<String, Object> confirm(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        String code = request.required("ConfirmationCode");
        Optional<User> found = users.resolve(username);
        if (found.isEmpty()) {
            throw client.preventUserExistenceErrors()
                    ? CognitoErrors.codeMismatch()
                    : CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
        }
        User user = found.get();
        if (codes.overHourlyLimit(
                "confirm-signup", user.username(), config.confirmationsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw CognitoErrors.notAuthorized(
                    "User cannot be confirmed. Current status is " + user.status());
        }
        switch (codes.check(SIGNUP, user.username(), code)) {
            case EXPIRED -> throw CognitoErrors.expiredCode();
            case MISMATCH -> throw CognitoErrors.codeMismatch();
            case MATCH -> {}
        }
        long now = clock.instant().getEpochSecond();
        if (user.email() != null) {
            Optional<String> holder = users.claimEmailAlias(user.email(), user.username());
            if (holder.isPresent()) {
                if (!request.flag("ForceAliasCreation")) {
                    throw CognitoErrors.aliasExists();
                }
                moveAlias(holder.get(), user, now);
            }
        }
        users.save(
                user.withStatus(UserStatus.CONFIRMED, now)
                        .withAttribute("email_verified", "true", now));
        codes.consume(SIGNUP, user.username());
        return Map.of();
    }

    /** ForceAliasCreation: the email moves to this user, the old owner's copy is unverified. */
    private void moveAlias(String previousOwner, User user, long now) {
        users.byUsername(previousOwner)
                .ifPresent(old -> users.save(old.withAttribute("email_verified", "false", now)));
        users.forceEmailAlias(user.email(), user.username());
    }

    Map<String, Object> resend(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        Optional<User> found = users.resolve(username);
        if (found.isEmpty()) {
            if (client.preventUserExistenceErrors()) {
                return Members.of(
                        "CodeDeliveryDetails",
                        CodeDelivery.email(username.charAt(0) + "@example.com"));
            }
            throw CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
        }
        User user = found.get();
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw CognitoErrors.invalidParameter("User is already confirmed.");
        }
        if (codes.overHourlyLimit("resend-signup", user.username(), config.resendsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        sendCode(user);
        return Members.of("CodeDeliveryDetails", CodeDelivery.email(user.email()));
    }

    private void sendCode(User user) {
        String code = codes.issue(SIGNUP, user.username(), config.signUpValidity());
        mailer.send(user.email(), code);
    }
}
