package dev.gatehouse.identity.identitypool.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identity pools (Cognito Federated Identities), declared with the vocabulary of CloudFormation's
 * {@code AWS::Cognito::IdentityPool} and {@code AWS::Cognito::IdentityPoolRoleAttachment}, by
 * logical name: {@code gatehouse.identity-pools.pools.<name>.*}. Roles are the suite's IAM
 * principals ({@code gatehouse.iam.principals.*}) named by ARN; their {@code
 * assume-role-policy-document} is the trust policy evaluated for {@code
 * sts:AssumeRoleWithWebIdentity}.
 */
@ConfigMapping(prefix = "gatehouse.identity-pools")
public interface IdentityPoolsConfig {

    /**
     * The issuer ({@code iss}) of the OpenID tokens of {@code GetOpenIdToken}; AWS's is {@code
     * https://cognito-identity.amazonaws.com}. Their keys are served at {@code
     * /.well-known/jwks_uri}.
     */
    @WithDefault("https://cognito-identity.amazonaws.com")
    String openIdIssuer();

    /** Lifetime of the credentials of {@code GetCredentialsForIdentity} (AWS: 1 hour). */
    @WithDefault("1h")
    Duration credentialsValidity();

    /**
     * Where the pools' ids are written at startup as JSON ({@code {"id": <first pool>, "pools":
     * {name: id}}}); the launcher copies it into {@code credentials.json}. None is secret.
     */
    Optional<java.nio.file.Path> poolFile();

    /** The identity pools by logical name. */
    Map<String, Pool> pools();

    /** Request quotas of the identity pool API. */
    RequestQuotas requestQuotas();

    /**
     * Requests per second per operation of the identity pool API, all pools and callers together
     * (AWS counts identity pool quotas per operation, per account and Region:
     * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html). Past it: {@code
     * TooManyRequestsException: Rate exceeded}.
     */
    interface RequestQuotas {
        /** Off: no request is counted. */
        @WithDefault("true")
        boolean enabled();

        /** {@code GetId} (AWS default: 25). */
        @WithDefault("25")
        int getId();

        /** {@code GetCredentialsForIdentity} (AWS default UNVERIFIED; 200 taken). */
        @WithDefault("200")
        int getCredentialsForIdentity();

        /** {@code GetOpenIdToken} (AWS default UNVERIFIED; 200 taken). */
        @WithDefault("200")
        int getOpenIdToken();

        /** {@code GetOpenIdTokenForDeveloperIdentity} (AWS default UNVERIFIED; 200 taken). */
        @WithDefault("200")
        int getOpenIdTokenForDeveloperIdentity();

        /**
         * Each other operation ({@code DescribeIdentityPool}, {@code GetIdentityPoolRoles}, {@code
         * ListIdentities}, {@code DescribeIdentity}, {@code MergeDeveloperIdentities}), each its
         * own bucket (AWS defaults UNVERIFIED; 25 taken).
         */
        @WithDefault("25")
        int other();
    }

    /** {@code AWS::Cognito::IdentityPool} plus its {@code IdentityPoolRoleAttachment}. */
    interface Pool {

        /**
         * A fixed id, {@code <region>:<uuid>}. Absent: a UUID derived from the account and the
         * logical name, so every instance and every restart agree without shared state.
         */
        Optional<String> identityPoolId();

        /** {@code IdentityPoolName}; default the logical name. */
        Optional<String> identityPoolName();

        /** {@code AllowUnauthenticatedIdentities}: guests may get an identity and credentials. */
        @WithDefault("false")
        boolean allowUnauthenticatedIdentities();

        /** {@code AllowClassicFlow}: GetOpenIdToken + STS AssumeRoleWithWebIdentity. */
        @WithDefault("false")
        boolean allowClassicFlow();

        /** {@code CognitoIdentityProviders}, by logical name. */
        Map<String, CognitoProvider> cognitoIdentityProviders();

        /**
         * {@code OpenIdConnectProviderARNs}: {@code arn:aws:iam::<account>:oidc-provider/<host>},
         * each declared in {@code gatehouse.oidc-providers}.
         */
        Optional<List<String>> openIdConnectProviderArns();

        /** {@code DeveloperProviderName} for {@code GetOpenIdTokenForDeveloperIdentity}. */
        Optional<String> developerProviderName();

        /** {@code Roles}: the {@code authenticated} and {@code unauthenticated} role ARNs. */
        Map<String, String> roles();

        /** {@code RoleMappings}, by logical name. */
        Map<String, RoleMapping> roleMappings();
    }

    /** One entry of {@code CognitoIdentityProviders}. */
    interface CognitoProvider {

        /**
         * {@code ProviderName}, {@code cognito-idp.<region>.amazonaws.com/<userPoolId>}; default
         * this service's user pool.
         */
        Optional<String> providerName();

        /** {@code ClientId}: an app client id, or its logical name ({@code web}). */
        String clientId();

        /** {@code ServerSideTokenCheck}: also refuse tokens of users signed out globally. */
        @WithDefault("false")
        boolean serverSideTokenCheck();
    }

    /** One {@code RoleMapping} of the role attachment. */
    interface RoleMapping {

        /**
         * The provider it applies to: {@code cognito-idp.<region>.amazonaws.com/<poolId>:<client>}
         * (client id or logical name) or an OIDC provider's issuer host.
         */
        String identityProvider();

        /** {@code Type}: {@code Token} or {@code Rules}. */
        String type();

        /** {@code AmbiguousRoleResolution}: {@code AuthenticatedRole} or {@code Deny}. */
        String ambiguousRoleResolution();

        /** {@code RulesConfiguration.Rules}, in order (first match wins); at most 25. */
        Optional<List<Rule>> rules();
    }

    /** A {@code MappingRule}. */
    interface Rule {
        /** {@code Claim}: the token claim tested. */
        String claim();

        /**
         * {@code MatchType}: {@code Equals}, {@code Contains}, {@code StartsWith}, {@code
         * NotEqual}.
         */
        String matchType();

        /** {@code Value}. */
        String value();

        /** {@code RoleARN}. */
        String roleArn();
    }
}
