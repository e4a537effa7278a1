package dev.gatehouse.identity.sts;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.credentials.TemporaryCredentials;
import dev.gatehouse.auth.iam.policy.AuthorizationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Assuming a role: its trust policy decides whether the caller may, then auth-common's temporary
 * credentials are issued (stored with their TTL, so every service's SigV4 verifier accepts them
 * until they expire). Runs on a worker thread; the Redis write is awaited.
 */
@ApplicationScoped
public class RoleSessions {

    private final TemporaryCredentials credentials;
    private final IamConfig config;

    RoleSessions(TemporaryCredentials credentials, IamConfig config) {
        this.credentials = credentials;
        this.config = config;
    }

    /** Whether the role's trust policy lets {@code caller} perform {@code action} on it. */
    public boolean trusts(
            Roles.Role role,
            TrustPolicy.Caller caller,
            String action,
            Map<String, List<String>> context) {
        return role.trust().isPresent()
                && role.trust()
                        .get()
                        .allows(
                                caller,
                                new AuthorizationRequest(action, role.principal().arn(), context));
    }

    public SessionCredentials issue(
            Roles.Role role, String sessionName, Duration duration, SessionAttributes session) {
        return issue(role.principal().name(), sessionName, duration, session);
    }

    public SessionCredentials issue(
            String principal, String sessionName, Duration duration, SessionAttributes session) {
        return credentials
                .issue(principal, sessionName, duration, session)
                .await()
                .atMost(config.redisTimeout().plus(Duration.ofSeconds(1)));
    }
}
