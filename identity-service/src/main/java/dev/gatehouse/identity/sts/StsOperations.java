package dev.gatehouse.identity.sts;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.iam.credentials.IamPrincipal;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * STS's actions (Query protocol, version 2011-06-15): {@code AssumeRole} (the caller's identity
 * policy must allow {@code sts:AssumeRole} on the role and the role's trust policy must name the
 * caller), {@code AssumeRoleWithWebIdentity} (unsigned; the token's issuer must be trusted by the
 * role), {@code GetSessionToken} and {@code GetCallerIdentity}. Returns the members of the {@code
 * <Action>Result} element as XML.
 */
@ApplicationScoped
public class StsOperations {

    static final int MIN_DURATION = 900;
    static final int MAX_ROLE_DURATION = 43_200;
    static final int MAX_SESSION_TOKEN_DURATION = 129_600;

    private final SignedCallers callers;
    private final Roles roles;
    private final RoleSessions sessions;
    private final WebIdentities webIdentities;
    private final PrincipalCatalog principals;
    private final StsConfig config;

    StsOperations(
            SignedCallers callers,
            Roles roles,
            RoleSessions sessions,
            WebIdentities webIdentities,
            PrincipalCatalog principals,
            StsConfig config) {
        this.callers = callers;
        this.roles = roles;
        this.sessions = sessions;
        this.webIdentities = webIdentities;
        this.principals = principals;
        this.config = config;
    }

    String perform(String action, QueryRequest request, HttpServerRequest http, byte[] body) {
        return switch (action) {
            case "GetCallerIdentity" -> getCallerIdentity(http, body);
            case "AssumeRole" -> assumeRole(request, http, body);
            case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(request);
            case "GetSessionToken" -> getSessionToken(request, http, body);
            default -> throw StsErrors.invalidAction(action);
        };
    }

    private String getCallerIdentity(HttpServerRequest http, byte[] body) {
        RequestIdentity caller = callers.authorize(http, body, "sts:GetCallerIdentity", "*");
        Map<String, String> members = new LinkedHashMap<>();
        members.put("Arn", caller.userArn());
        members.put("UserId", caller.caller());
        members.put("Account", caller.accountId());
        return StsXml.elements(members);
    }

    private String assumeRole(QueryRequest request, HttpServerRequest http, byte[] body) {
        String roleArn = request.bounded("RoleArn", 20, 2048);
        String sessionName = request.roleSessionName();
        int duration = request.duration(MIN_DURATION, MAX_ROLE_DURATION, 3600);
        Optional<String> policy = sessionPolicy(request);
        RequestIdentity caller = callers.authorize(http, body, "sts:AssumeRole", roleArn);
        String denied =
                "User: "
                        + caller.userArn()
                        + " is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn;
        Roles.Role role = roles.role(roleArn).orElseThrow(() -> StsErrors.accessDenied(denied));
        TrustPolicy.Caller trusted =
                TrustPolicy.Caller.aws(principalArn(caller.userArn()), caller.accountId());
        if (!sessions.trusts(role, trusted, "sts:AssumeRole", Map.of())) {
            throw StsErrors.accessDenied(denied);
        }
        checkRoleDuration(duration);
        SessionCredentials credentials =
                sessions.issue(role, sessionName, Duration.ofSeconds(duration), attributes(policy));
        return StsXml.credentials(credentials) + assumedRoleUser(role, credentials);
    }

    private String assumeRoleWithWebIdentity(QueryRequest request) {
        String roleArn = request.bounded("RoleArn", 20, 2048);
        String sessionName = request.roleSessionName();
        String token = request.bounded("WebIdentityToken", 4, 20_000);
        int duration = request.duration(MIN_DURATION, MAX_ROLE_DURATION, 3600);
        Optional<String> policy = sessionPolicy(request);
        WebIdentity identity = webIdentities.verify(token);
        Roles.Role role =
                roles.role(roleArn)
                        .orElseThrow(
                                () ->
                                        StsErrors.accessDenied(
                                                "Not authorized to perform"
                                                        + " sts:AssumeRoleWithWebIdentity"));
        if (!sessions.trusts(
                role,
                TrustPolicy.Caller.federated(identity.federatedPrincipal()),
                "sts:AssumeRoleWithWebIdentity",
                identity.context())) {
            throw StsErrors.accessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        checkRoleDuration(duration);
        SessionAttributes attributes;
        try {
            attributes =
                    SessionAttributes.of(
                            identity.context(), identity.authenticationProvider(), policy);
        } catch (InvalidPolicyException e) {
            throw new StsException("MalformedPolicyDocument", e.getMessage(), 400);
        }
        SessionCredentials credentials =
                sessions.issue(role, sessionName, Duration.ofSeconds(duration), attributes);
        return StsXml.credentials(credentials)
                + StsXml.elements(Map.of("SubjectFromWebIdentityToken", identity.subject()))
                + assumedRoleUser(role, credentials)
                + StsXml.elements(Map.of("Audience", identity.audience()))
                + StsXml.elements(Map.of("Provider", identity.provider()));
    }

    private String getSessionToken(QueryRequest request, HttpServerRequest http, byte[] body) {
        int duration = request.duration(MIN_DURATION, MAX_SESSION_TOKEN_DURATION, 43_200);
        RequestIdentity caller = callers.authorize(http, body, "sts:GetSessionToken", "*");
        if (caller.accessKey().startsWith("ASIA")) {
            throw StsErrors.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        IamPrincipal principal =
                principals.all().values().stream()
                        .filter(p -> p.arn().equals(caller.userArn()))
                        .findFirst()
                        .orElseThrow(StsErrors::internal);
        SessionCredentials credentials =
                sessions.issue(
                        principal.name(),
                        "session-token",
                        Duration.ofSeconds(duration),
                        SessionAttributes.NONE);
        return StsXml.credentials(credentials);
    }

    private void checkRoleDuration(int seconds) {
        if (seconds > config.maxSessionDuration().toSeconds()) {
            throw StsErrors.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this"
                            + " role.");
        }
    }

    private static Optional<String> sessionPolicy(QueryRequest request) {
        Optional<String> policy = request.optional("Policy");
        if (policy.isPresent() && (policy.get().isEmpty() || policy.get().length() > 2048)) {
            throw StsErrors.constraint(
                    "...", "policy", "Member must have length less than or equal to 2048");
        }
        return policy;
    }

    private static SessionAttributes attributes(Optional<String> policy) {
        try {
            return SessionAttributes.of(Map.of(), Optional.empty(), policy);
        } catch (InvalidPolicyException e) {
            throw new StsException("MalformedPolicyDocument", e.getMessage(), 400);
        }
    }

    private static String assumedRoleUser(Roles.Role role, SessionCredentials credentials) {
        String session = credentials.arn().substring(credentials.arn().lastIndexOf('/') + 1);
        return StsXml.element(
                "AssumedRoleUser",
                StsXml.elements(Map.of("Arn", credentials.arn()))
                        + StsXml.elements(
                                Map.of(
                                        "AssumedRoleId",
                                        role.principal().uniqueId() + ":" + session)));
    }

    /** The trust policy's view of a caller: an assumed role is its role's ARN. */
    private static String principalArn(String callerArn) {
        if (callerArn.startsWith("arn:aws:sts::") && callerArn.contains(":assumed-role/")) {
            String account = callerArn.split(":")[4];
            String role = callerArn.substring(callerArn.indexOf(":assumed-role/") + 14);
            return "arn:aws:iam::" + account + ":role/" + role.substring(0, role.indexOf('/'));
        }
        return callerArn;
    }
}
