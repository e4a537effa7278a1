package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The user-state checks every sign-in flow applies, in Cognito's order (spec 2.5). Failures are
 * counted and locked by name, known or not, so that under PreventUserExistenceErrors an unknown
 * name is locked out (and says so) exactly as a real user is.
 */
@ApplicationScoped
public class SignInUsers {

    private final UserStore users;
    private final SignInLockout lockout;
    private final boolean strict;

    SignInUsers(UserStore users, SignInLockout lockout, IdentityConfig config) {
        this.users = users;
        this.lockout = lockout;
        this.strict = config.existenceErrors().strict();
    }

    public Optional<User> resolve(String name) {
        return users.resolve(name);
    }

    /** Unknown user: generic under PreventUserExistenceErrors, else UserNotFoundException. */
    public static RuntimeException unknown(AppClient client) {
        return client.preventUserExistenceErrors()
                ? CognitoErrors.incorrectCredentials()
                : CognitoErrors.userNotFound("User does not exist.");
    }

    /** Unconfirmed (whatever the password), disabled, locked. */
    public void checkMaySignIn(User user) {
        checkConfirmed(user);
        checkEnabledAndNotLocked(user);
    }

    /**
     * As {@link #checkMaySignIn(User)}, except that the strict existence setting leaves the
     * unconfirmed check to {@link #checkConfirmedOnceProven} (AWS tells it before the password).
     */
    public void checkMaySignIn(User user, AppClient client) {
        if (!defersUnconfirmed(client)) {
            checkConfirmed(user);
        }
        checkEnabledAndNotLocked(user);
    }

    /** The unconfirmed check the strict setting defers until the password is proven. */
    public void checkConfirmedOnceProven(User user, AppClient client) {
        if (defersUnconfirmed(client)) {
            checkConfirmed(user);
        }
    }

    /** An unknown name is locked out as a user would be (PreventUserExistenceErrors). */
    public void checkNotLocked(String name) {
        lockout.checkNotLocked(name);
    }

    public void failed(User user) {
        lockout.recordFailure(user.username());
    }

    /** A failed sign-in as an unknown name, counted as a real user's would be. */
    public void failed(String name) {
        lockout.recordFailure(name);
    }

    public void succeeded(User user) {
        lockout.reset(user.username());
    }

    private boolean defersUnconfirmed(AppClient client) {
        return strict && client.preventUserExistenceErrors();
    }

    private static void checkConfirmed(User user) {
        if (user.status() == UserStatus.UNCONFIRMED) {
            throw CognitoErrors.userNotConfirmed();
        }
    }

    private void checkEnabledAndNotLocked(User user) {
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized("User is disabled.");
        }
        lockout.checkNotLocked(user.username());
    }
}
