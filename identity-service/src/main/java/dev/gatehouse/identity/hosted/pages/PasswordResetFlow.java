package dev.gatehouse.identity.hosted.pages;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The /forgotPassword and /confirmForgotPassword pages' work, through the API's ForgotPassword and
 * ConfirmForgotPassword: an unknown user gets the same answers as a real one where the client has
 * {@code PreventUserExistenceErrors=ENABLED}, because the API gives them. Blocking: call on a
 * worker thread.
 */
@ApplicationScoped
public class PasswordResetFlow {

    private final UserPoolApi api;

    PasswordResetFlow(UserPoolApi api) {
        this.api = api;
    }

    /** ForgotPassword: where the code went (a simulated destination for a hidden user). */
    public String forgot(String clientId, String username) {
        return SignUpFlow.destination(
                api.call("ForgotPassword", api.body(clientId).put("Username", username)));
    }

    /** ConfirmForgotPassword: the new password is set, or the API's refusal is thrown. */
    public void confirm(String clientId, String username, String code, String password) {
        api.call(
                "ConfirmForgotPassword",
                api.body(clientId)
                        .put("Username", username)
                        .put("ConfirmationCode", code)
                        .put("Password", password));
    }
}
