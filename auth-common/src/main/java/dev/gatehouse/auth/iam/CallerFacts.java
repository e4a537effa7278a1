package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.Sha256;
import dev.gatehouse.auth.iam.credentials.AccessKey;
import dev.gatehouse.auth.iam.credentials.IamPrincipal;
import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.policy.PolicyDocument;
import dev.gatehouse.auth.iam.policy.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the authorizer derives from a cached access key and its principal once rather than per
 * request: the caller id, the request-context keys fixed for the caller (principal and session
 * keys, already normalised), its policies with the variables those keys answer bound, whether they
 * still read the context, and, for temporary credentials, the session token that last matched the
 * stored SHA-256. Valid only for the very {@link AccessKey} and {@link IamPrincipal} instances it
 * was made from: a reloaded key or a changed principal gets new facts.
 *
 * <p>The session token is still checked on every request: against the remembered token, compared in
 * full and in constant time, or else against the SHA-256 as before. Remembering a token never skips
 * the expiry check, the signature or the policies, which the authorizer runs after.
 */
final class CallerFacts {

    private static final String COGNITO_SUB = "cognito-identity.amazonaws.com:sub";
    private static final String COGNITO_AUD = "cognito-identity.amazonaws.com:aud";
    private static final String COGNITO_AMR = "cognito-identity.amazonaws.com:amr";

    final AccessKey key;
    final IamPrincipal owner;
    final String caller;

    /**
     * The principal's policies, and the session policy or null, with the policy variables the fixed
     * context answers bound to their values (the session's {@code
     * cognito-identity.amazonaws.com:sub} for an identity-pool role): the same decisions, and no
     * context at all when nothing else of them reads it.
     */
    final List<PolicyDocument> policies;

    final PolicyDocument sessionPolicy;

    /** Whether {@link #policies} or {@link #sessionPolicy} still read the request context. */
    final boolean readsContext;

    final Map<String, List<String>> fixedContext;

    /** The Cognito identity of a web-identity session (API Gateway's cognito* fields), or null. */
    final String cognitoIdentityId;

    final String cognitoIdentityPoolId;
    final String cognitoAuthenticationType;
    final String cognitoAuthenticationProvider;
    private final byte[] tokenSha256;
    private volatile String verifiedToken;

    /**
     * @param owner the key's principal, or null when it is no longer configured (the key is then
     *     refused, and only the token facts are made)
     */
    private CallerFacts(AccessKey key, IamPrincipal owner) {
        this.key = key;
        this.owner = owner;
        if (owner == null) {
            this.caller = null;
            this.readsContext = false;
            this.fixedContext = Map.of();
            this.policies = List.of();
            this.sessionPolicy = null;
        } else {
            this.caller =
                    key.temporary() && owner.role()
                            ? owner.uniqueId() + ":" + sessionName(key.arn())
                            : owner.uniqueId();
            PolicyDocument narrowing = key.session().policy().orElse(null);
            Map<String, List<String>> fixed =
                    readsContext(owner.policies())
                                    || (narrowing != null && narrowing.readsContext())
                            ? fixedContext(owner, key, caller)
                            : Map.of();
            this.policies = boundTo(owner.policies(), fixed);
            this.sessionPolicy = narrowing == null ? null : narrowing.boundTo(fixed);
            this.readsContext =
                    readsContext(policies)
                            || (sessionPolicy != null && sessionPolicy.readsContext());
            this.fixedContext = readsContext ? fixed : Map.of();
        }
        this.tokenSha256 = key.temporary() ? parseHex(key.sessionTokenSha256()) : null;
        SessionAttributes session = key.session();
        this.cognitoIdentityId = session.value(COGNITO_SUB).orElse(null);
        this.cognitoIdentityPoolId = session.value(COGNITO_AUD).orElse(null);
        this.cognitoAuthenticationType =
                session.context().getOrDefault(COGNITO_AMR, List.of()).contains("authenticated")
                        ? "authenticated"
                        : "unauthenticated";
        this.cognitoAuthenticationProvider = session.authenticationProvider().orElse(null);
    }

    /** The facts for this key and owner: {@code known}'s when made from the same instances. */
    static CallerFacts of(CallerFacts known, AccessKey key, IamPrincipal owner) {
        return known != null && known.key == key && known.owner == owner
                ? known
                : new CallerFacts(key, owner);
    }

    /** Whether {@code token} is this temporary key's session token (never true without one). */
    boolean sessionTokenMatches(String token) {
        if (token == null || tokenSha256 == null) {
            return false;
        }
        String verified = verifiedToken;
        if (verified != null && sameText(verified, token)) {
            return true;
        }
        boolean matches =
                MessageDigest.isEqual(
                        Sha256.digest(token.getBytes(StandardCharsets.UTF_8)), tokenSha256);
        if (matches) {
            verifiedToken = token;
        }
        return matches;
    }

    /** The whole request context for one request. */
    RequestContext context(IamRequest request, Instant now) {
        return RequestContext.of(
                fixedContext,
                now,
                request.sourceIp(),
                request.secureTransport(),
                request.request().header("user-agent"),
                request.request().header("referer"));
    }

    /** Equal texts, in a time that depends on their lengths only. */
    private static boolean sameText(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length(); i++) {
            difference |= a.charAt(i) ^ b.charAt(i);
        }
        return difference == 0;
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null; // an unreadable stored digest matches no token
        }
    }

    private static List<PolicyDocument> boundTo(
            List<PolicyDocument> policies, Map<String, List<String>> fixed) {
        if (fixed.isEmpty()) {
            return policies;
        }
        List<PolicyDocument> bound = new ArrayList<>(policies.size());
        for (PolicyDocument policy : policies) {
            bound.add(policy.boundTo(fixed));
        }
        return List.copyOf(bound);
    }

    private static boolean readsContext(List<PolicyDocument> policies) {
        for (PolicyDocument policy : policies) {
            if (policy.readsContext()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> fixedContext(
            IamPrincipal owner, AccessKey key, String caller) {
        Map<String, List<String>> context = new HashMap<>(16);
        put(context, "aws:principalarn", owner.arn());
        put(context, "aws:principalaccount", owner.accountId());
        put(context, "aws:userid", caller);
        SessionAttributes session = key.session();
        context.putAll(session.context());
        if (owner.role()) {
            put(context, "aws:principaltype", key.temporary() ? "AssumedRole" : "Role");
        } else {
            put(context, "aws:principaltype", "User");
            put(context, "aws:username", owner.simpleName());
        }
        return RequestContext.normalized(context);
    }

    private static void put(Map<String, List<String>> context, String key, String value) {
        if (value != null) {
            context.put(key, List.of(value));
        }
    }

    private static String sessionName(String assumedRoleArn) {
        return assumedRoleArn.substring(assumedRoleArn.lastIndexOf('/') + 1);
    }
}
