package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.identity.protocol.CallContext;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The public (unsigned) identity pool operations (spec 6.1): {@code GetId}, {@code
 * GetCredentialsForIdentity} (the enhanced flow) and {@code GetOpenIdToken} (the classic flow's
 * first half). Every check, token verification included, happens before anything is written.
 */
@ApplicationScoped
public class IdentityPoolOperations implements OperationSet {

    public static final String TARGET_PREFIX = "AWSCognitoIdentityService.";

    private final IdentityPools pools;
    private final IdentityLogins logins;
    private final IdentityLinks links;
    private final FederatedSessions sessions;
    private final OpenIdTokens openIdTokens;
    private final String region;

    IdentityPoolOperations(
            IdentityPools pools,
            IdentityLogins logins,
            IdentityLinks links,
            FederatedSessions sessions,
            OpenIdTokens openIdTokens,
            IamConfig iam) {
        this.pools = pools;
        this.logins = logins;
        this.links = links;
        this.sessions = sessions;
        this.openIdTokens = openIdTokens;
        this.region = iam.region();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "GetId", this::getId,
                "GetCredentialsForIdentity", this::getCredentialsForIdentity,
                "GetOpenIdToken", this::getOpenIdToken);
    }

    private Object getId(CognitoRequest request, CallContext call) {
        IdentityPool pool = logins.pool(request.required("IdentityPoolId"));
        request.optional("AccountId").ifPresent(IdentityLogins::checkAccountId);
        Map<String, String> presented = request.map("Logins");
        if (presented.isEmpty()) {
            LoginVerifier.checkShape(presented);
            if (!pool.allowUnauthenticatedIdentities()) {
                throw IdentityPoolErrors.unauthenticatedNotSupported();
            }
            return Members.of("IdentityId", links.createGuest(pool, region).id());
        }
        List<VerifiedLogin> verified = logins.verify(pool, presented);
        return Members.of("IdentityId", links.resolve(pool, region, verified).id());
    }

    private Object getCredentialsForIdentity(CognitoRequest request, CallContext call) {
        IdentityLogins.Caller caller =
                logins.caller(request.required("IdentityId"), request.map("Logins"));
        String role =
                RoleResolver.resolve(
                        caller.pool(), caller.logins(), request.optional("CustomRoleArn"));
        SessionCredentials credentials =
                sessions.credentials(
                        caller.pool(), caller.identity().id(), caller.logins(), role, true);
        return Members.of(
                "IdentityId",
                caller.identity().id(),
                "Credentials",
                Members.of(
                        "AccessKeyId",
                        credentials.accessKeyId(),
                        "SecretKey",
                        credentials.secretAccessKey(),
                        "SessionToken",
                        credentials.sessionToken(),
                        "Expiration",
                        credentials.expiration().getEpochSecond()));
    }

    private Object getOpenIdToken(CognitoRequest request, CallContext call) {
        IdentityLogins.Caller caller =
                logins.caller(request.required("IdentityId"), request.map("Logins"));
        if (!caller.pool().allowClassicFlow()) {
            throw IdentityPoolErrors.classicFlowDisabled();
        }
        String token =
                openIdTokens.issue(
                        caller.pool().id(),
                        caller.identity().id(),
                        FederatedSessions.amr(caller.logins()),
                        OpenIdTokens.VALIDITY);
        return Members.of("IdentityId", caller.identity().id(), "Token", token);
    }
}
