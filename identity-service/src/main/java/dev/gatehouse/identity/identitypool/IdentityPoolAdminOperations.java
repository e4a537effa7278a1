package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.identity.admin.AdminAuthorization;
import dev.gatehouse.identity.protocol.CallContext;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SigV4-signed identity pool operations (signing name {@code cognito-identity}), each allowed
 * by an identity policy for {@code cognito-identity:<Operation>} on the pool's ARN ({@code
 * arn:aws:cognito-identity:<region>:<account>:identitypool/<id>}): {@code DescribeIdentityPool},
 * {@code GetIdentityPoolRoles}, {@code ListIdentities}, {@code DescribeIdentity} and {@code
 * GetOpenIdTokenForDeveloperIdentity}. The pools themselves come from the configuration, so the
 * operations that would change them are not served.
 */
@ApplicationScoped
public class IdentityPoolAdminOperations implements OperationSet {

    private final AdminAuthorization authorization;
    private final IdentityLogins logins;
    private final IdentityPools pools;
    private final IdentityStore store;
    private final IdentityLinks links;
    private final OpenIdTokens openIdTokens;
    private final String region;
    private final String accountId;

    IdentityPoolAdminOperations(
            AdminAuthorization authorization,
            IdentityLogins logins,
            IdentityPools pools,
            IdentityStore store,
            IdentityLinks links,
            OpenIdTokens openIdTokens,
            IamConfig iam) {
        this.authorization = authorization;
        this.logins = logins;
        this.pools = pools;
        this.store = store;
        this.links = links;
        this.openIdTokens = openIdTokens;
        this.region = iam.region();
        this.accountId = iam.accountId();
    }

    @Override
    public String targetPrefix() {
        return IdentityPoolOperations.TARGET_PREFIX;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "DescribeIdentityPool", this::describeIdentityPool,
                "GetIdentityPoolRoles", this::getIdentityPoolRoles,
                "ListIdentities", this::listIdentities,
                "DescribeIdentity", this::describeIdentity,
                "GetOpenIdTokenForDeveloperIdentity", this::developerToken,
                "MergeDeveloperIdentities", this::mergeDeveloperIdentities);
    }

    /** The pool named by the request, once the caller may perform {@code operation} on it. */
    private IdentityPool authorizedPool(String operation, String poolId, CallContext call) {
        IdentityLogins.checkId(poolId, "identityPoolId");
        authorization.authorize("cognito-identity:" + operation, arn(poolId), call);
        return pools.pool(poolId).orElseThrow(() -> IdentityPoolErrors.poolNotFound(poolId));
    }

    private String arn(String poolId) {
        return "arn:aws:cognito-identity:" + region + ":" + accountId + ":identitypool/" + poolId;
    }

    private Object describeIdentityPool(CognitoRequest request, CallContext call) {
        IdentityPool pool =
                authorizedPool("DescribeIdentityPool", request.required("IdentityPoolId"), call);
        return IdentityPoolDescriptions.pool(pool, accountId);
    }

    private Object getIdentityPoolRoles(CognitoRequest request, CallContext call) {
        IdentityPool pool =
                authorizedPool("GetIdentityPoolRoles", request.required("IdentityPoolId"), call);
        return IdentityPoolDescriptions.roles(pool);
    }

    private Object listIdentities(CognitoRequest request, CallContext call) {
        String poolId = request.required("IdentityPoolId");
        int max =
                request.integer("MaxResults")
                        .orElseThrow(() -> CognitoErrors.missingMember("maxResults"));
        if (max < 1 || max > 60) {
            throw IdentityPoolErrors.constraint(
                    Integer.toString(max),
                    "maxResults",
                    max < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 60");
        }
        int offset = offset(request.optional("NextToken"));
        IdentityPool pool = authorizedPool("ListIdentities", poolId, call);
        boolean hideDisabled = request.flag("HideDisabled");
        List<Identity> page = store.list(pool.id(), offset, max + 1);
        boolean more = page.size() > max;
        return Members.of(
                "IdentityPoolId", pool.id(),
                "Identities",
                        page.subList(0, Math.min(max, page.size())).stream()
                                .filter(identity -> !(hideDisabled && identity.disabled()))
                                .map(IdentityPoolDescriptions::identity)
                                .toList(),
                "NextToken", more ? Integer.toString(offset + max) : null);
    }

    private static int offset(Optional<String> nextToken) {
        if (nextToken.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(nextToken.get());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CognitoErrors.invalidParameter("Invalid pagination token.");
    }

    private Object describeIdentity(CognitoRequest request, CallContext call) {
        String identityId = request.required("IdentityId");
        IdentityLogins.checkId(identityId, "identityId");
        Identity identity = store.find(identityId).orElse(null);
        // Authorize on the identity's pool (or on every pool when the identity is unknown, so
        // that an unsigned caller cannot learn which ids exist).
        authorization.authorize(
                "cognito-identity:DescribeIdentity",
                identity == null ? arn("*") : arn(identity.poolId()),
                call);
        if (identity == null) {
            throw IdentityPoolErrors.identityNotFound(identityId);
        }
        return IdentityPoolDescriptions.identity(identity);
    }

    private Object developerToken(CognitoRequest request, CallContext call) {
        String poolId = request.required("IdentityPoolId");
        Map<String, String> presented = request.map("Logins");
        LoginVerifier.checkShape(presented);
        int duration = request.integer("TokenDuration").orElse(900);
        if (duration < 1 || duration > 86_400) {
            throw IdentityPoolErrors.constraint(
                    Integer.toString(duration),
                    "tokenDuration",
                    duration < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 86400");
        }
        Optional<String> identityId = request.optional("IdentityId");
        identityId.ifPresent(id -> IdentityLogins.checkId(id, "identityId"));
        IdentityPool pool = authorizedPool("GetOpenIdTokenForDeveloperIdentity", poolId, call);
        String developer =
                pool.developerProviderName()
                        .orElseThrow(
                                () ->
                                        CognitoErrors.invalidParameter(
                                                "This identity pool has no developer provider."));
        if (presented.size() != 1 || !presented.containsKey(developer)) {
            throw CognitoErrors.notAuthorized(
                    "Logins must hold one entry, keyed by the pool's developer provider name.");
        }
        VerifiedLogin login = developerLogin(developer, presented.get(developer));
        Identity identity = logins.developerIdentity(pool, login, identityId, region);
        String token =
                openIdTokens.issue(
                        pool.id(),
                        identity.id(),
                        FederatedSessions.amr(List.of(login)),
                        Duration.ofSeconds(duration));
        return Members.of("IdentityId", identity.id(), "Token", token);
    }

    /**
     * MergeDeveloperIdentities: the source user's identity is merged into the destination user's
     * (whose id survives and is answered); the source's identity is disabled.
     */
    private Object mergeDeveloperIdentities(CognitoRequest request, CallContext call) {
        String source = request.required("SourceUserIdentifier");
        String destination = request.required("DestinationUserIdentifier");
        String provider = request.required("DeveloperProviderName");
        String poolId = request.required("IdentityPoolId");
        checkLength(source, "sourceUserIdentifier", 1024);
        checkLength(destination, "destinationUserIdentifier", 1024);
        checkLength(provider, "developerProviderName", 128);
        IdentityPool pool = authorizedPool("MergeDeveloperIdentities", poolId, call);
        if (!pool.developerProviderName().map(provider::equals).orElse(false)) {
            throw CognitoErrors.invalidParameter(
                    "DeveloperProviderName doesn't match the identity pool's developer provider.");
        }
        Identity merged =
                links.merge(
                        pool,
                        developerLogin(provider, source),
                        developerLogin(provider, destination));
        return Members.of("IdentityId", merged.id());
    }

    private static void checkLength(String value, String member, int most) {
        if (value.isEmpty() || value.length() > most) {
            throw IdentityPoolErrors.constraint(
                    value.length() > 64 ? value.substring(0, 64) + "..." : value,
                    member,
                    value.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to " + most);
        }
    }

    private static VerifiedLogin developerLogin(String provider, String userIdentifier) {
        return new VerifiedLogin(
                provider,
                userIdentifier,
                provider,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
}
