package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.OperationSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * InitiateAuth and RespondToAuthChallenge: picks the flow, refuses flows the client does not allow
 * ({@code ExplicitAuthFlows}) and the admin-only flows (spec 2.5).
 */
@ApplicationScoped
public class AuthOperations implements OperationSet {

    static final String FLOWS =
            "[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH,"
                    + " USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]";

    private final UserPool pool;
    private final SrpAuthentication srp;
    private final PasswordAuthentication passwords;
    private final NewPasswordChallenge newPassword;

    AuthOperations(
            UserPool pool,
            SrpAuthentication srp,
            PasswordAuthentication passwords,
            NewPasswordChallenge newPassword) {
        this.pool = pool;
        this.srp = srp;
        this.passwords = passwords;
        this.newPassword = newPassword;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "InitiateAuth", (request, call) -> initiate(request),
                "RespondToAuthChallenge", (request, call) -> respond(request));
    }

    Map<String, Object> initiate(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String flow = request.required("AuthFlow");
        Map<String, String> parameters = request.map("AuthParameters");
        return switch (flow) {
            case "USER_SRP_AUTH" ->
                    srp.start(
                            hashed(allowed(client, flow, "ALLOW_USER_SRP_AUTH"), parameters),
                            parameters);
            case "USER_PASSWORD_AUTH" ->
                    passwords.signIn(
                            hashed(allowed(client, flow, "ALLOW_USER_PASSWORD_AUTH"), parameters),
                            parameters);
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" ->
                    passwords.refresh(
                            allowed(client, flow, "ALLOW_REFRESH_TOKEN_AUTH"), parameters);
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
                    throw CognitoErrors.invalidParameter("Initiate Auth method not supported.");
            case "CUSTOM_AUTH", "USER_AUTH" -> {
                allowed(client, flow, "ALLOW_" + flow);
                throw CognitoErrors.invalidParameter("Initiate Auth method not supported.");
            }
            default ->
                    throw CognitoErrors.invalidParameter(
                            "1 validation error detected: Value '"
                                    + flow
                                    + "' at 'authFlow' failed to satisfy constraint: Member must"
                                    + " satisfy enum value set: "
                                    + FLOWS);
        };
    }

    Map<String, Object> respond(CognitoRequest request) {
        AppClient client = pool.client(request.required("ClientId"));
        String challenge = request.required("ChallengeName");
        passwords.checkSecretHash(client, request.map("ChallengeResponses"));
        if (NewPasswordChallenge.NEW_PASSWORD_REQUIRED.equals(challenge)) {
            return newPassword.answer(
                    client,
                    request.optional("Session").orElse(null),
                    request.map("ChallengeResponses"));
        }
        if (!SrpAuthentication.PASSWORD_VERIFIER.equals(challenge)) {
            // This pool issues only PASSWORD_VERIFIER and NEW_PASSWORD_REQUIRED (no MFA).
            throw CognitoErrors.invalidParameter("Invalid challenge name " + challenge);
        }
        return srp.answer(client, request.map("ChallengeResponses"));
    }

    /** The client, once the parameters' SECRET_HASH holds for it. */
    private AppClient hashed(AppClient client, Map<String, String> parameters) {
        passwords.checkSecretHash(client, parameters);
        return client;
    }

    /** UNVERIFIED wording (spec 5.2): InvalidParameterException "<FLOW> flow not enabled ...". */
    static AppClient allowed(AppClient client, String flow, String explicitFlow) {
        if (!client.allows(explicitFlow)) {
            throw CognitoErrors.invalidParameter(flow + " flow not enabled for this client");
        }
        return client;
    }
}
