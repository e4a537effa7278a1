package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;
import dev.gatehouse.identity.sts.RoleSessions;
import dev.gatehouse.identity.sts.Roles;
import dev.gatehouse.identity.sts.TrustPolicy;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enhanced flow's last step, as Cognito performs it for the client: the role's trust policy is
 * evaluated for {@code sts:AssumeRoleWithWebIdentity} by {@code Federated:
 * cognito-identity.amazonaws.com} with {@code cognito-identity.amazonaws.com:aud|sub|amr}, then
 * credentials for {@code assumed-role/<role>/CognitoIdentityCredentials} are issued carrying those
 * keys (policies may test them and use {@code ${cognito-identity.amazonaws.com:sub}}). Guests get
 * Cognito's scope-down session policy (spec 6.5).
 */
@ApplicationScoped
public class FederatedSessions {

    public static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
    public static final String SESSION_NAME = "CognitoIdentityCredentials";
    static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

    private final Roles roles;
    private final RoleSessions sessions;
    private final IdentityPoolsConfig config;

    FederatedSessions(Roles roles, RoleSessions sessions, IdentityPoolsConfig config) {
        this.roles = roles;
        this.sessions = sessions;
        this.config = config;
    }

    /** The {@code amr} of an identity's OpenID token and of its sessions. */
    public static List<String> amr(List<VerifiedLogin> logins) {
        List<String> amr = new ArrayList<>();
        amr.add(logins.isEmpty() ? "unauthenticated" : "authenticated");
        for (VerifiedLogin login : logins) {
            amr.add(login.provider());
            amr.add(login.provider() + ":" + signInKind(login) + ":" + login.subject());
        }
        return amr;
    }

    /** The web identity context keys a trust policy and the session's policies read. */
    public static Map<String, List<String>> context(
            String poolId, String identityId, List<String> amr) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put(COGNITO_IDENTITY + ":aud", List.of(poolId));
        context.put(COGNITO_IDENTITY + ":sub", List.of(identityId));
        context.put(COGNITO_IDENTITY + ":amr", amr);
        return context;
    }

    public SessionCredentials credentials(
            IdentityPool pool,
            String identityId,
            List<VerifiedLogin> logins,
            String roleArn,
            boolean scopeDownGuests) {
        Roles.Role role = roles.role(roleArn).orElseThrow(IdentityPoolErrors::invalidConfiguration);
        List<String> amr = amr(logins);
        Map<String, List<String>> context = context(pool.id(), identityId, amr);
        if (!sessions.trusts(
                role, TrustPolicy.Caller.federated(COGNITO_IDENTITY), WEB_IDENTITY, context)) {
            Log.debugf(
                    "identity pool %s: role %s does not trust this identity", pool.id(), roleArn);
            throw IdentityPoolErrors.invalidConfiguration();
        }
        boolean guest = logins.isEmpty();
        SessionAttributes session;
        try {
            session =
                    SessionAttributes.of(
                            context,
                            provider(logins),
                            guest && scopeDownGuests
                                    ? Optional.of(GuestScopeDown.POLICY)
                                    : Optional.empty());
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException(e);
        }
        return sessions.issue(role, SESSION_NAME, config.credentialsValidity(), session);
    }

    /** API Gateway's {@code cognitoAuthenticationProvider}: the first login's provider and sub. */
    private static Optional<String> provider(List<VerifiedLogin> logins) {
        if (logins.isEmpty()) {
            return Optional.empty();
        }
        VerifiedLogin login = logins.get(0);
        return Optional.of(
                login.provider()
                        + ","
                        + login.provider()
                        + ":"
                        + signInKind(login)
                        + ":"
                        + login.subject());
    }

    private static String signInKind(VerifiedLogin login) {
        return login.provider().startsWith("cognito-idp.") ? "CognitoSignIn" : "OpenIdConnect";
    }
}
