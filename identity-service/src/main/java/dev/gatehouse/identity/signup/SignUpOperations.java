package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.SecretHashes;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.user.SimulatedUsers;
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

    /** Where a code nobody receives is kept, so that it supersedes no real one. */
    static final String DECOY = "decoy";

    private static final String UNKNOWN_CLIENT_USER = "Username/client id combination not found.";
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private final UserPool pool;
    private final UserStore users;
    private final VerificationCodes codes;
    private final CodeMailer mailer;
    private final IdentityConfig.CodesConfig config;
    private final SimulatedUsers simulated;
    private final boolean strict;
    private final Clock clock;

    SignUpOperations(
            UserPool pool,
            UserStore users,
            VerificationCodes codes,
            CodeMailer mailer,
            IdentityConfig config,
            SimulatedUsers simulated,
            Clock clock) {
        this.simulated = simulated;
        this.strict = config.existenceErrors().strict();
        this.clock = clock;
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
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        SecretHashes.check(
                client,
                request.optional("SecretHash"),
                username,
                client.hasSecret() ? internalName(username) : null);
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
            if (hideExistence(client)) {
                return Members.of(
                        "UserConfirmed",
                        false,
                        "UserSub",
                        simulated.sub(username),
                        "CodeDeliveryDetails",
                        CodeDelivery.email(user.email()));
            }
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

    /**
     * Under PreventUserExistenceErrors an unknown user is counted as a real one is and answered
     * {@code CodeMismatchException}; a confirmed one is told its status as AWS tells it, unless the
     * strict setting hides that too.
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
        Optional<User> found = users.resolve(username);
        if (found.isEmpty() && !client.preventUserExistenceErrors()) {
            throw CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
        }
        String owner = found.map(User::username).orElse(username);
        if (codes.overHourlyLimit("confirm-signup", owner, config.confirmationsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        if (found.isEmpty()) {
            throw CognitoErrors.codeMismatch();
        }
        User user = found.get();
        if (user.status() != UserStatus.UNCONFIRMED) {
            if (hideExistence(client)) {
                throw CognitoErrors.codeMismatch();
            }
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

    /**
     * Under PreventUserExistenceErrors an unknown user gets a simulated delivery after the same
     * hourly count and the same stored (never sent) code as a real one; a confirmed user is told so
     * as AWS tells it, unless the strict setting answers a simulated delivery there too.
     */
    Map<String, Object> resend(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String username = request.required("Username");
        SecretHashes.check(
                client,
                request.optional("SecretHash"),
                username,
                client.hasSecret() ? internalName(username) : null);
        Optional<User> found = users.resolve(username);
        if (found.isEmpty() && !client.preventUserExistenceErrors()) {
            throw CognitoErrors.userNotFound(UNKNOWN_CLIENT_USER);
        }
        boolean deliverable =
                found.filter(u -> u.status() == UserStatus.UNCONFIRMED && u.enabled()).isPresent();
        if (found.isPresent()
                && found.get().status() != UserStatus.UNCONFIRMED
                && !hideExistence(client)) {
            throw CognitoErrors.invalidParameter("User is already confirmed.");
        }
        String owner = found.map(User::username).orElse(username);
        if (codes.overHourlyLimit("resend-signup", owner, config.resendsPerHour())) {
            throw CognitoErrors.limitExceeded();
        }
        String code = codes.issue(deliverable ? SIGNUP : DECOY, owner, config.signUpValidity());
        String email =
                found.map(User::email)
                        .filter(address -> address != null)
                        .orElseGet(() -> simulated.email(username));
        if (deliverable) {
            mailer.send(email, code);
        }
        return Members.of("CodeDeliveryDetails", CodeDelivery.email(email));
    }

    /** The strict setting, on a client that hides existence at all. */
    private boolean hideExistence(AppClient client) {
        return client.preventUserExistenceErrors() && strict;
    }

    private void sendCode(User user) {
        String code = codes.issue(SIGNUP, user.username(), config.signUpValidity());
        mailer.send(user.email(), code);
    }

    /** The internal username {@code name} (maybe an alias) stands for, if any. */
    private String internalName(String name) {
        return users.resolve(name).map(User::username).orElse(null);
    }
}
