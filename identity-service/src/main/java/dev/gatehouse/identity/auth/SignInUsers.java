package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The user-state checks every sign-in flow applies, in Cognito's order (spec 2.5). */
@ApplicationScoped
public class SignInUsers {

    private final UserStore users;
    private final SignInLockout lockout;

    SignInUsers(UserStore users, SignInLockout lockout) {
        this.users = users;
        this.lockout = lockout;
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
        if (user.status() == UserStatus.UNCONFIRMED) {
            throw CognitoErrors.userNotConfirmed();
        }
        if (!user.enabled()) {
            throw CognitoErrors.notAuthorized("User is disabled.");
        }
        lockout.checkNotLocked(user.username());
    }

    public void failed(User user) {
        lockout.recordFailure(user.username());
    }

    public void succeeded(User user) {
        lockout.reset(user.username());
    }
}
