package dev.gatehouse.identity;

import dev.gatehouse.identity.pool.UserPool;
import java.net.URL;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Registers users through the public API (code read from SMTP) and signs them in. */
public record TestUsers(URL url, UserPool pool) {

    public static final String PASSWORD = "Correct-Horse-1";

    public CognitoIdentityProviderClient cognito() {
        return CognitoClients.anonymous(url);
    }

    public String client(String name) {
        return pool.clientByName(name).orElseThrow().id();
    }

    public void register(String username, String email, boolean confirm) {
        cognito()
                .signUp(
                        r ->
                                r.clientId(client("web"))
                                        .username(username)
                                        .password(PASSWORD)
                                        .userAttributes(
                                                attribute("email", email),
                                                attribute("given_name", "Ada"),
                                                attribute("family_name", "Lovelace")));
        if (confirm) {
            String code = SmtpTestResource.lastCodeFor(email);
            cognito()
                    .confirmSignUp(
                            r ->
                                    r.clientId(client("web"))
                                            .username(username)
                                            .confirmationCode(code));
        }
    }

    /** USER_PASSWORD_AUTH through the test-only {@code tester} client. */
    public AuthenticationResultType signIn(String name, String password) {
        return cognito()
                .initiateAuth(
                        r ->
                                r.clientId(client("tester"))
                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", name, "PASSWORD", password)))
                .authenticationResult();
    }

    public AuthenticationResultType refresh(String clientName, String refreshToken) {
        return cognito()
                .initiateAuth(
                        r ->
                                r.clientId(client(clientName))
                                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
                .authenticationResult();
    }

    public static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
