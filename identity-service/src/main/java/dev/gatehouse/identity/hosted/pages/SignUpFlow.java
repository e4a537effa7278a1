package dev.gatehouse.identity.hosted.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.identity.auth.SignInUsers;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The /signup and /confirm pages' work, through the API's SignUp, ConfirmSignUp and
 * ResendConfirmationCode (so validation, existence errors, mail and limits are the API's). Refusals
 * are the API's {@link dev.gatehouse.identity.protocol.CognitoException}. Blocking: call on a
 * worker thread.
 */
@ApplicationScoped
public class SignUpFlow {

    /** A code went out (or, for a hidden user, seemed to): where, and the browser's handle. */
    public record CodeSent(String username, String destination, String handle) {}

    private final UserPoolApi api;
    private final PendingSignUps pending;
    private final SignInUsers signIn;

    SignUpFlow(UserPoolApi api, PendingSignUps pending, SignInUsers signIn) {
        this.api = api;
        this.pending = pending;
        this.signIn = signIn;
    }

    public CodeSent signUp(
            String clientId, String username, String password, Map<String, String> attributes) {
        ObjectNode body = api.body(clientId).put("Username", username).put("Password", password);
        ArrayNode list = body.putArray("UserAttributes");
        attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
        String destination = destination(api.call("SignUp", body));
        return new CodeSent(
                username, destination, pending.remember(username, clientId, destination));
    }

    /**
     * Confirms the code; the user to sign in when this browser signed the same user up through the
     * same client and the user may sign in now (enabled, not locked), else empty.
     */
    public Optional<User> confirm(String clientId, String username, String code, String handle) {
        api.call(
                "ConfirmSignUp",
                api.body(clientId).put("Username", username).put("ConfirmationCode", code));
        Optional<PendingSignUps.Pending> signedUpHere =
                pending.find(handle, clientId)
                        .filter(p -> UserKeys.fold(p.username()).equals(UserKeys.fold(username)));
        if (signedUpHere.isEmpty()) {
            return Optional.empty();
        }
        pending.forget(handle);
        String signedUp = UserKeys.fold(signedUpHere.get().username());
        Optional<User> user =
                signIn.resolve(username).filter(u -> UserKeys.fold(u.username()).equals(signedUp));
        return user.filter(this::maySignIn);
    }

    /** Enabled and not locked out; otherwise the confirmed user signs in at /login. */
    private boolean maySignIn(User user) {
        try {
            signIn.checkMaySignIn(user);
            return true;
        } catch (CognitoException e) {
            return false;
        }
    }

    /** The sign-up this browser made, for the confirm page to fill in. */
    public Optional<PendingSignUps.Pending> signedUpHere(String handle, String clientId) {
        return pending.find(handle, clientId);
    }

    /** ResendConfirmationCode: where the new code went (simulated for a hidden user). */
    public String resend(String clientId, String username) {
        return destination(
                api.call("ResendConfirmationCode", api.body(clientId).put("Username", username)));
    }

    @SuppressWarnings("unchecked")
    static String destination(Map<String, Object> result) {
        Object details = result.get("CodeDeliveryDetails");
        if (details instanceof Map<?, ?> map && map.get("Destination") != null) {
            return map.get("Destination").toString();
        }
        return "your email address";
    }
}
