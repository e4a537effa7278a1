package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.admin.AdminAuthorization;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CallContext;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.OperationSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * AdminInitiateAuth (spec 2.5) and AdminRespondToAuthChallenge (NEW_PASSWORD_REQUIRED),
 * SigV4-signed: ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH) for clients that
 * allow {@code ALLOW_ADMIN_USER_PASSWORD_AUTH}, and refresh. The public flows are InitiateAuth's;
 * SRP through the admin API (which needs AdminRespondToAuthChallenge) is not offered.
 */
@ApplicationScoped
public class AdminAuthOperations implements OperationSet {

    private final AdminAuthorization authorization;
    private final UserPool pool;
    private final PasswordAuthentication passwords;
    private final NewPasswordChallenge newPassword;

    AdminAuthOperations(
            AdminAuthorization authorization,
            UserPool pool,
            PasswordAuthentication passwords,
            NewPasswordChallenge newPassword) {
        this.authorization = authorization;
        this.pool = pool;
        this.passwords = passwords;
        this.newPassword = newPassword;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "AdminInitiateAuth", this::initiate,
                "AdminRespondToAuthChallenge", this::respond);
    }

    /** AdminRespondToAuthChallenge: only NEW_PASSWORD_REQUIRED is ever issued here. */
    Map<String, Object> respond(CognitoRequest request, CallContext call) {
        authorization.authorize("AdminRespondToAuthChallenge", call);
        pool.requirePool(request.required("UserPoolId"));
        AppClient client = pool.client(request.required("ClientId"));
        String challenge = request.required("ChallengeName");
        if (!NewPasswordChallenge.NEW_PASSWORD_REQUIRED.equals(challenge)) {
            throw CognitoErrors.invalidParameter("Invalid challenge name " + challenge);
        }
        passwords.checkSecretHash(client, request.map("ChallengeResponses"));
        return newPassword.answer(
                client,
                request.optional("Session").orElse(null),
                request.map("ChallengeResponses"));
    }

    Map<String, Object> initiate(CognitoRequest request, CallContext call) {
        authorization.authorize("AdminInitiateAuth", call);
        pool.requirePool(request.required("UserPoolId"));
        AppClient client = pool.client(request.required("ClientId"));
        String flow = request.required("AuthFlow");
        Map<String, String> parameters = request.map("AuthParameters");
        return switch (flow) {
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                AuthOperations.allowed(client, flow, "ALLOW_ADMIN_USER_PASSWORD_AUTH");
                passwords.checkSecretHash(client, parameters);
                yield passwords.signIn(client, parameters);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" ->
                    passwords.refresh(
                            AuthOperations.allowed(client, flow, "ALLOW_REFRESH_TOKEN_AUTH"),
                            parameters);
            case "USER_PASSWORD_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH", "USER_AUTH" ->
                    throw CognitoErrors.invalidParameter("Initiate Auth method not supported.");
            default ->
                    throw CognitoErrors.invalidParameter(
                            "1 validation error detected: Value '"
                                    + flow
                                    + "' at 'authFlow' failed to satisfy constraint: Member must"
                                    + " satisfy enum value set: "
                                    + AuthOperations.FLOWS);
        };
    }
}
