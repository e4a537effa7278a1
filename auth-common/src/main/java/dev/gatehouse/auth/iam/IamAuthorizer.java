package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.iam.credentials.AccessKey;
import dev.gatehouse.auth.iam.credentials.AccessKeyStore;
import dev.gatehouse.auth.iam.credentials.IamPrincipal;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.auth.iam.policy.AuthorizationRequest;
import dev.gatehouse.auth.iam.policy.PolicyDecision;
import dev.gatehouse.auth.iam.policy.PolicyEvaluator;
import dev.gatehouse.auth.sigv4.SigV4Rejection;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignatureParse;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's {@code AWS_IAM} authorization: verify the SigV4 signature with the access key's
 * secret (one Redis lookup, usually served from memory), check the session token of temporary
 * credentials, then evaluate the principal's identity policies for the action and resource.
 * Rejections carry the exact messages of spec sections 4.9 and 5.6; the precise reason of a
 * credential failure is logged at DEBUG, never returned.
 */
public class IamAuthorizer {

    /** AWS documents that no permission is needed for it: any valid signature may ask. */
    static final String NO_PERMISSION_NEEDED = "sts:GetCallerIdentity";

    private static final int MAX_FACTS = 10_000;

    /**
     * One verifier per signing name, made on first use: the signing name is the service of the
     * action a route asks about (execute-api for the data plane, apigateway for the control plane,
     * whatever a service's own routes name), so the library names none of the suite's services.
     */
    private final Map<String, SigV4Verifier> verifiers = new ConcurrentHashMap<>();

    private final String region;
    private final boolean echoCanonicalRequest;
    private final AccessKeyStore keys;
    private final PrincipalCatalog principals;
    private final PolicyEvaluator policies = new PolicyEvaluator();
    private final Clock clock;
    private final Duration redisTimeout;
    private final HostNames hosts;
    private final ReplayGuard replays;

    /** Per access key id: what its cached key and principal give once (bounded, see put). */
    private final Map<String, CallerFacts> facts = new ConcurrentHashMap<>();

    /**
     * @param region the region every credential scope must name
     * @param echoCanonicalRequest whether signature mismatches echo the canonical request
     */
    public IamAuthorizer(
            String region,
            boolean echoCanonicalRequest,
            AccessKeyStore keys,
            PrincipalCatalog principals,
            Clock clock,
            Duration redisTimeout,
            Optional<List<String>> hosts,
            ReplayGuard replays) {
        this.region = region;
        this.echoCanonicalRequest = echoCanonicalRequest;
        this.keys = keys;
        this.principals = principals;
        this.clock = clock;
        this.redisTimeout = redisTimeout;
        this.hosts = new HostNames(hosts);
        this.replays = replays;
    }

    public Uni<IamOutcome> authorize(IamRequest request) {
        Optional<IamOutcome> known = authorizeFromMemory(request);
        return known.isPresent()
                ? Uni.createFrom().item(known.get())
                : authorizeAfterLookup(request);
    }

    /**
     * The outcome after reading the access key from Redis (or a stale copy when Redis fails); for a
     * request {@link #authorizeFromMemory} could not decide.
     */
    public Uni<IamOutcome> authorizeAfterLookup(IamRequest request) {
        Instant now = clock.instant();
        SigV4Verifier verifier = verifier(request.action());
        SignatureParse parse = verifier.parse(request.request(), now);
        if (parse instanceof SigV4Rejection rejection) { // the clock may have crossed an edge
            return Uni.createFrom().item(IamOutcome.rejected(IamRejection.of(rejection)));
        }
        if (!hosts.accepts(request.request().header("host"))) {
            return Uni.createFrom().item(foreignHost(request));
        }
        SignatureClaim claim = (SignatureClaim) parse;
        return keys.find(claim.accessKeyId(), redisTimeout)
                .map(key -> decide(verifier, request, claim, key, now))
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            Log.warnf(
                                    "IAM: cannot look up access key %s: %s",
                                    claim.accessKeyId(), failure.getMessage());
                            return IamOutcome.rejected(
                                    IamRejection.of(GatewayResponseType.SERVICE_UNAVAILABLE));
                        });
    }

    /**
     * The outcome when it needs no Redis call: a request refused before any lookup, or signed with
     * a key held in memory (the usual case). Empty when the key must be read from Redis first.
     */
    public Optional<IamOutcome> authorizeFromMemory(IamRequest request) {
        Instant now = clock.instant();
        SigV4Verifier verifier = verifier(request.action());
        SignatureParse parse = verifier.parse(request.request(), now);
        if (parse instanceof SigV4Rejection rejection) {
            return Optional.of(IamOutcome.rejected(IamRejection.of(rejection)));
        }
        if (!hosts.accepts(request.request().header("host"))) {
            return Optional.of(foreignHost(request));
        }
        SignatureClaim claim = (SignatureClaim) parse;
        Optional<AccessKey> cached = keys.cached(claim.accessKeyId());
        return cached.isPresent()
                ? Optional.of(decide(verifier, request, claim, cached, now))
                : Optional.empty();
    }

    private IamOutcome decide(
            SigV4Verifier verifier,
            IamRequest request,
            SignatureClaim claim,
            Optional<AccessKey> found,
            Instant now) {
        if (found.isEmpty()) {
            Log.debugf("IAM: unknown access key %s", claim.accessKeyId());
            return IamOutcome.rejected(IamRejection.of(SigV4Rejection.invalidToken()));
        }
        AccessKey key = found.get();
        CallerFacts known = facts(key);
        Optional<SigV4Rejection> credentialProblem = checkCredentials(claim, known, now);
        if (credentialProblem.isPresent()) {
            return IamOutcome.rejected(IamRejection.of(credentialProblem.get()));
        }
        Optional<SigV4Rejection> mismatch =
                verifier.verify(request.request(), claim, key.secretAccessKey());
        if (mismatch.isPresent()) {
            Log.debugf("IAM: signature mismatch for access key %s", key.accessKeyId());
            return IamOutcome.rejected(IamRejection.of(mismatch.get()));
        }
        if (known.owner == null) {
            Log.debugf(
                    "IAM: access key %s belongs to principal %s, no longer configured",
                    key.accessKeyId(), key.principal());
            return IamOutcome.rejected(IamRejection.of(SigV4Rejection.invalidToken()));
        }
        String caller = known.caller;
        AuthorizationRequest asked =
                new AuthorizationRequest(
                        request.action(),
                        request.resource(),
                        known.readsContext ? known.context(request, now) : Map.of());
        PolicyDecision decision =
                NO_PERMISSION_NEEDED.equals(request.action())
                        ? PolicyDecision.ALLOW
                        : policies.evaluate(known.policies, asked);
        String unallowedBy = "identity-based";
        if (decision == PolicyDecision.ALLOW && known.sessionPolicy != null) {
            // A session policy only narrows: the request needs its allow as well (IAM logic).
            decision = policies.evaluate(List.of(known.sessionPolicy), asked);
            unallowedBy = "session";
        }
        if (decision != PolicyDecision.ALLOW) {
            String message =
                    "User: "
                            + key.arn()
                            + " is not authorized to perform: "
                            + request.action()
                            + " on resource: "
                            + maskAccount(request.resource())
                            + (decision == PolicyDecision.EXPLICIT_DENY
                                    ? " with an explicit deny"
                                    : " because no "
                                            + unallowedBy
                                            + " policy allows the "
                                            + request.action()
                                            + " action");
            return IamOutcome.rejected(IamRejection.accessDenied(message));
        }
        return IamOutcome.allowed(claimIdentity(request, known, caller), claim);
    }

    private static RequestIdentity claimIdentity(
            IamRequest request, CallerFacts known, String caller) {
        RequestIdentity identity =
                RequestIdentity.iam(
                        request.sourceIp(),
                        request.request().header("user-agent"),
                        known.owner.accountId(),
                        caller,
                        known.key.arn(),
                        known.key.accessKeyId());
        if (known.cognitoIdentityId == null) {
            return identity;
        }
        return identity.withCognitoIdentity(
                known.cognitoIdentityId,
                known.cognitoIdentityPoolId,
                known.cognitoAuthenticationType,
                known.cognitoAuthenticationProvider);
    }

    /**
     * An allowed outcome if its signature is used for the first time within its window, else the
     * replay refusal; 503 when Redis cannot say (never a pass).
     */
    public Uni<IamOutcome> firstUse(IamOutcome.Allowed allowed) {
        return replays.firstUse(allowed.claim())
                .map(first -> first ? allowed : IamOutcome.rejected(IamRejection.replayed()))
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            Log.warnf("IAM: cannot check for a replay: %s", failure.getMessage());
                            return IamOutcome.rejected(
                                    IamRejection.of(GatewayResponseType.SERVICE_UNAVAILABLE));
                        });
    }

    /** A request signed for a host that is not one of {@code gatehouse.iam.hosts}. */
    private static IamOutcome foreignHost(IamRequest request) {
        Log.debugf(
                "IAM: request for host %s, not one of gatehouse.iam.hosts",
                request.request().header("host"));
        return IamOutcome.rejected(IamRejection.forbidden());
    }

    /**
     * The facts for a found key, made once per cached key instance and principal. Bounded like the
     * key cache: past 10,000 access key ids the map starts again.
     */
    private CallerFacts facts(AccessKey key) {
        IamPrincipal owner = principals.principal(key.principal()).orElse(null);
        CallerFacts known = facts.get(key.accessKeyId());
        CallerFacts current = CallerFacts.of(known, key, owner);
        if (current != known) {
            if (facts.size() >= MAX_FACTS) {
                facts.clear();
            }
            facts.put(key.accessKeyId(), current);
        }
        return current;
    }

    /** The verifier for the signing name of {@code action}'s service ({@code sts:AssumeRole}). */
    private SigV4Verifier verifier(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no signing name for action " + action);
        }
        return verifiers.computeIfAbsent(
                action.substring(0, colon),
                service -> new SigV4Verifier(region, service, echoCanonicalRequest));
    }

    private Optional<SigV4Rejection> checkCredentials(
            SignatureClaim claim, CallerFacts known, Instant now) {
        AccessKey key = known.key;
        String token = claim.securityToken();
        if (!key.temporary()) {
            if (token != null) {
                Log.debugf("IAM: session token sent with long-term key %s", key.accessKeyId());
                return Optional.of(SigV4Rejection.invalidToken());
            }
            return Optional.empty();
        }
        if (!known.sessionTokenMatches(token)) {
            Log.debugf("IAM: missing or wrong session token for %s", key.accessKeyId());
            return Optional.of(SigV4Rejection.invalidToken());
        }
        if (!now.isBefore(key.expiresAt())) {
            facts.remove(key.accessKeyId(), known);
            return Optional.of(SigV4Rejection.expiredToken());
        }
        return Optional.empty();
    }

    /** {@code arn:aws:execute-api:r:123456789012:...} as {@code ...:********9012:...}. */
    static String maskAccount(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[4].length() == 12) {
            parts[4] = "********" + parts[4].substring(8);
            return String.join(":", parts);
        }
        return arn;
    }
}
