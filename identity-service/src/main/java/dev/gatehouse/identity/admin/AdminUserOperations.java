package dev.gatehouse.identity.admin;

import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.signup.AttributeSchema;
import dev.gatehouse.identity.signup.CodeMailer;
import dev.gatehouse.identity.srp.PasswordVerifier;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * AdminCreateUser, AdminGetUser, AdminConfirmSignUp, AdminDeleteUser (spec 2.9): SigV4-signed,
 * checked against {@code cognito-idp:<Operation>} policies before anything else, then {@code
 * UserPoolId}. Admin calls name users plainly ({@code UserNotFoundException}): existence errors are
 * hidden only from app clients.
 */
@ApplicationScoped
public class AdminUserOperations implements OperationSet {

    static final String NO_USER = "User does not exist.";
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private final AdminAuthorization authorization;
    private final UserPool pool;
    private final UserStore users;
    private final CodeMailer mailer;
    private final Clock clock;

    AdminUserOperations(
            AdminAuthorization authorization,
            UserPool pool,
            UserStore users,
            CodeMailer mailer,
            Clock clock) {
        this.clock = clock;
        this.authorization = authorization;
        this.pool = pool;
        this.users = users;
        this.mailer = mailer;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "AdminCreateUser", signed("AdminCreateUser", this::create),
                "AdminGetUser", signed("AdminGetUser", (request, user) -> describe(user)),
                "AdminConfirmSignUp", signed("AdminConfirmSignUp", this::confirm),
                "AdminDeleteUser", signed("AdminDeleteUser", this::delete));
    }

    /** Authorizes, checks the pool, then serves {@code operation}. */
    private CognitoOperation signed(
            String operation, BiFunction<CognitoRequest, String, Object> handler) {
        return (request, call) -> {
            authorization.authorize(operation, call);
            pool.requirePool(request.required("UserPoolId"));
            return handler.apply(request, request.required("Username"));
        };
    }

    Object create(CognitoRequest request, String username) {
        if (username.length() > 128 || !USERNAME.matcher(username).matches()) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value at 'username' failed to satisfy"
                            + " constraint: Member must satisfy regular expression pattern:"
                            + " [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        if (AttributeSchema.looksLikeEmail(username)) {
            throw CognitoErrors.invalidParameter(
                    "Username cannot be of email format, since user pool is configured for email"
                            + " alias.");
        }
        Map<String, String> attributes = new LinkedHashMap<>(request.attributes("UserAttributes"));
        boolean emailVerified = "true".equals(attributes.remove("email_verified"));
        AttributeSchema.check(attributes, pool.requiredAttributes());
        String action = request.optional("MessageAction").orElse("");
        if (!action.isEmpty() && !action.equals("SUPPRESS") && !action.equals("RESEND")) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value '"
                            + action
                            + "' at 'messageAction' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [RESEND, SUPPRESS]");
        }
        if (action.equals("RESEND")) {
            return resendInvitation(username);
        }
        String password = request.optional("TemporaryPassword").orElseGet(this::temporaryPassword);
        pool.passwordPolicy().check(password);
        attributes.put("email_verified", Boolean.toString(emailVerified));
        PasswordVerifier verifier = PasswordVerifier.create(pool.poolName(), username, password);
        long now = clock.instant().getEpochSecond();
        User user =
                new User(
                        username,
                        UUID.randomUUID().toString(),
                        UserStatus.FORCE_CHANGE_PASSWORD,
                        true,
                        verifier.salt(),
                        verifier.verifier(),
                        attributes,
                        now,
                        now,
                        0);
        if (emailVerified && user.email() != null) {
            claimAlias(user, request.flag("ForceAliasCreation"));
        }
        if (!users.create(user)) {
            throw new CognitoException("UsernameExistsException", "User account already exists");
        }
        if (!action.equals("SUPPRESS") && user.email() != null) {
            mailer.sendInvitation(user.email(), username, password);
        }
        return Members.of("User", userType(user));
    }

    private void claimAlias(User user, boolean force) {
        if (users.byUsername(user.username()).isPresent()) {
            throw new CognitoException("UsernameExistsException", "User account already exists");
        }
        if (users.claimEmailAlias(user.email(), user.username()).isPresent()) {
            if (!force) {
                throw CognitoErrors.aliasExists();
            }
            users.forceEmailAlias(user.email(), user.username());
        }
    }

    /** MessageAction=RESEND: a new temporary password for a user who never signed in. */
    private Object resendInvitation(String username) {
        User user = users.byUsername(username).orElseThrow(AdminUserOperations::notFound);
        if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new CognitoException(
                    "UnsupportedUserStateException",
                    "Resend not possible. " + username + " status is not FORCE_CHANGE_PASSWORD");
        }
        String password = temporaryPassword();
        PasswordVerifier verifier = PasswordVerifier.create(pool.poolName(), username, password);
        User updated =
                user.withPassword(
                        verifier.salt(), verifier.verifier(), clock.instant().getEpochSecond());
        users.save(updated);
        if (user.email() != null) {
            mailer.sendInvitation(user.email(), user.username(), password);
        }
        return Members.of("User", userType(updated));
    }

    Object describe(String username) {
        User user = users.resolve(username).orElseThrow(AdminUserOperations::notFound);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("Username", user.username());
        described.put("UserAttributes", attributes(user));
        described.putAll(userType(user));
        described.remove("Attributes");
        return described;
    }

    Object confirm(CognitoRequest request, String username) {
        User user = users.resolve(username).orElseThrow(AdminUserOperations::notFound);
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw CognitoErrors.notAuthorized(
                    "User cannot be confirmed. Current status is " + user.status());
        }
        // As in Cognito, an admin confirmation does not verify the email (no alias yet).
        users.save(user.withStatus(UserStatus.CONFIRMED, clock.instant().getEpochSecond()));
        return Map.of();
    }

    Object delete(CognitoRequest request, String username) {
        users.delete(users.resolve(username).orElseThrow(AdminUserOperations::notFound));
        return Map.of();
    }

    /** {@code UserType}, as AdminCreateUser and ListUsersInGroup return it. */
    public static Map<String, Object> userType(User user) {
        return Members.of(
                "Username", user.username(),
                "Attributes", attributes(user),
                "UserCreateDate", user.createdAt(),
                "UserLastModifiedDate", user.modifiedAt(),
                "Enabled", user.enabled(),
                "UserStatus", user.status().name());
    }

    private static List<Map<String, Object>> attributes(User user) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(Members.of("Name", "sub", "Value", user.sub()));
        user.attributes()
                .forEach((name, value) -> attributes.add(Members.of("Name", name, "Value", value)));
        return attributes;
    }

    /** A temporary password the pool's policy accepts (each character class, 9 random ones). */
    private String temporaryPassword() {
        String random = RandomIds.clientId().substring(0, 9);
        return "Aa1!" + random;
    }

    private static CognitoException notFound() {
        return CognitoErrors.userNotFound(NO_USER);
    }
}
