package dev.gatehouse.identity.pool.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user pool, as the seed's CloudFormation declares it: alias {@code email}, case-insensitive
 * usernames, email auto-verified, the password policy, the required attributes, and the app clients
 * by logical name. Ids are minted at first start and kept in Redis; only the pool id can be fixed
 * in advance ({@code pool-id}).
 */
@ConfigMapping(prefix = "gatehouse.identity")
public interface IdentityConfig {

    /** The region part of the pool id ({@code us-east-1_Ab12Cd34E}). */
    @WithDefault("${gatehouse.region:us-east-1}")
    String region();

    /**
     * Base URL of the token issuer: {@code iss} is {@code <base>/<poolId>}, where the JWKS and the
     * OpenID configuration are served. Set {@code https://cognito-idp.<region>.amazonaws.com} for
     * the AWS form.
     */
    @WithDefault("http://localhost:8083")
    String issuerBase();

    /**
     * A fixed pool id, {@code <region>_} and 9 letters or digits as Cognito mints them ({@code
     * us-east-1_Ab12Cd34E}), for deployments that must know the issuer before the first start
     * (Kubernetes: the other services' {@code gatehouse.cognito.issuer}). Used only when Redis
     * holds no pool yet. If Redis already holds a different id, startup fails naming both: the
     * pool's users and signing keys belong to its id, so a pool is never switched silently. A value
     * of another shape, or of another region, fails startup too. Absent: a random id is minted at
     * first start.
     */
    Optional<String> poolId();

    /**
     * Where the pool's ids are written at startup as JSON ({@code {"id","issuer","clients":{name:
     * id}}}): the launcher copies them into {@code credentials.json}. None are secret.
     */
    Optional<Path> poolFile();

    /** {@code PoolName}: shown on every hosted page. */
    @WithDefault("Gatehouse")
    String poolName();

    /** Standard attributes every sign-up must carry. */
    @WithDefault("given_name,family_name,email")
    List<String> requiredAttributes();

    PasswordPolicyConfig passwordPolicy();

    /** App clients by logical name ({@code web}, {@code server}). */
    Map<String, ClientConfig> clients();

    TokensConfig tokens();

    CodesConfig codes();

    LockoutConfig lockout();

    QuotasConfig quotas();

    /**
     * How long a user who signed up but never confirmed is kept (the Redis record's TTL, set at
     * SignUp and dropped at confirmation). AWS documents no such expiry; without one, anonymous
     * sign-ups would grow Redis forever. After it the username is free again.
     */
    @WithDefault("7d")
    Duration unconfirmedUserValidity();

    ExistenceErrorsConfig existenceErrors();

    RequestQuotasConfig requestQuotas();

    /**
     * What {@code PreventUserExistenceErrors=ENABLED} hides beyond what AWS hides. AWS itself tells
     * a caller that a user exists in a few documented places (SignUp's {@code
     * UsernameExistsException}, ConfirmSignUp and ResendConfirmationCode on a confirmed user,
     * {@code UserNotConfirmedException} at sign-in); {@code strict} hides those too.
     */
    interface ExistenceErrorsConfig {
        /**
         * Hide existence also where AWS reveals it, on clients with {@code
         * PreventUserExistenceErrors=ENABLED}: SignUp with a taken username answers a simulated
         * success (nothing is stored or sent), ConfirmSignUp on a confirmed user answers {@code
         * CodeMismatchException}, ResendConfirmationCode on a confirmed user a simulated delivery,
         * and an unconfirmed user is told so only after proving the password.
         */
        @WithDefault("false")
        boolean strict();
    }

    /**
     * Requests per second per category of operations, as AWS's user-pool quota categories count
     * them (all callers together, for this pool). Past it: {@code TooManyRequestsException}.
     */
    interface RequestQuotasConfig {
        /** Off: no request is counted. */
        @WithDefault("true")
        boolean enabled();

        /** InitiateAuth, AdminInitiateAuth (AWS default: 120 per second). */
        @WithDefault("120")
        int userAuthentication();

        /** RespondToAuthChallenge, AdminRespondToAuthChallenge (AWS: three times the above). */
        @WithDefault("360")
        int userAuthenticationChallenge();

        /** SignUp, ConfirmSignUp, AdminCreateUser, AdminConfirmSignUp (AWS default: 50). */
        @WithDefault("50")
        int userCreation();

        /** ForgotPassword, ConfirmForgotPassword, ResendConfirmationCode (AWS default: 30). */
        @WithDefault("30")
        int userAccountRecovery();

        /** GetUser, AdminGetUser (AWS default: 120). */
        @WithDefault("120")
        int userRead();

        /** ChangePassword, GlobalSignOut, AdminDeleteUser (AWS default: 25). */
        @WithDefault("25")
        int userUpdate();

        /** RevokeToken (AWS default: 120). */
        @WithDefault("120")
        int userToken();
    }

    /** {@code Policies.PasswordPolicy}. */
    interface PasswordPolicyConfig {
        @WithDefault("8")
        int minimumLength();

        @WithDefault("true")
        boolean requireLowercase();

        @WithDefault("true")
        boolean requireUppercase();

        @WithDefault("true")
        boolean requireNumbers();

        @WithDefault("true")
        boolean requireSymbols();

        /**
         * {@code TemporaryPasswordValidityDays}: days an administrator-set temporary password can
         * be used (0-365, 0 meaning AWS's default of 7). After it, sign-in answers {@code
         * NotAuthorizedException} until an administrator sets a new one.
         */
        @WithDefault("7")
        int temporaryPasswordValidityDays();
    }

    /** {@code AWS::Cognito::UserPoolClient}. */
    interface ClientConfig {
        /**
         * A fixed {@code ClientId} (1-128 of {@code [\w+]}), used when Redis holds no id for this
         * client yet, so that an app configured before the first start (index-service on
         * Kubernetes) knows it; identity-service refuses to start if Redis already holds another.
         * Absent: one is minted at first start (26 lowercase letters and digits, as Cognito's).
         */
        Optional<String> clientId();

        /** {@code ExplicitAuthFlows}; the CloudFormation default when omitted. */
        @WithDefault("ALLOW_REFRESH_TOKEN_AUTH,ALLOW_USER_SRP_AUTH,ALLOW_CUSTOM_AUTH")
        List<String> explicitAuthFlows();

        /** {@code PreventUserExistenceErrors}: {@code ENABLED} or {@code LEGACY}. */
        @WithDefault("LEGACY")
        String preventUserExistenceErrors();

        /**
         * {@code GenerateSecret}: the client has a secret, so every API call of it needs {@code
         * SECRET_HASH} and {@code /oauth2/token} authenticates it. The secret is {@code
         * client-secret} if given, else one minted at first start and kept in Redis sealed under
         * the master key.
         */
        @WithDefault("false")
        boolean generateSecret();

        /**
         * A supplied client secret (24-64 of {@code [\w+]}), e.g. {@code
         * ${GATEHOUSE_INDEX_CLIENT_SECRET:}} from the launcher's secrets: kept in memory only,
         * never written to Redis or logged. Only with {@code generate-secret=true}.
         */
        Optional<String> clientSecret();

        /**
         * {@code CallbackURLs}: where {@code /oauth2/authorize} may send the code; a {@code
         * redirect_uri} must equal one of them byte for byte.
         */
        @WithName("callback-urls")
        Optional<List<String>> callbackUrls();

        /** {@code LogoutURLs}: where {@code /logout} may send the browser ({@code logout_uri}). */
        @WithName("logout-urls")
        Optional<List<String>> logoutUrls();

        /** {@code AllowedOAuthFlows}: {@code code} and/or {@code client_credentials}. */
        @WithName("allowed-oauth-flows")
        Optional<List<String>> allowedOAuthFlows();

        /** {@code AllowedOAuthFlowsUserPoolClient}: off, the client has no OAuth 2.0 at all. */
        @WithName("allowed-oauth-flows-user-pool-client")
        @WithDefault("false")
        boolean allowedOAuthFlowsUserPoolClient();

        /**
         * {@code AllowedOAuthScopes}: {@code openid}, {@code email}, {@code profile}, {@code
         * phone}, {@code aws.cognito.signin.user.admin} and resource-server scopes {@code
         * <identifier>/<scope>}.
         */
        @WithName("allowed-oauth-scopes")
        Optional<List<String>> allowedOAuthScopes();

        /** {@code SupportedIdentityProviders}: only {@code COGNITO} (the pool's own users). */
        @WithName("supported-identity-providers")
        Optional<List<String>> supportedIdentityProviders();
    }

    /**
     * {@code AWS::Cognito::UserPoolResourceServer} by logical name: an API whose custom scopes
     * ({@code <Identifier>/<ScopeName>}) clients may ask for.
     */
    Map<String, ResourceServerConfig> resourceServers();

    /** {@code AWS::Cognito::UserPoolResourceServer}. */
    interface ResourceServerConfig {
        /** {@code Identifier}, usually the API's URL, e.g. {@code https://api.example.com}. */
        String identifier();

        /** {@code Name}, a friendly name. */
        String name();

        /** {@code Scopes} by {@code ScopeName}. */
        Map<String, ScopeConfig> scopes();
    }

    /** One entry of {@code Scopes}. */
    interface ScopeConfig {
        /** {@code ScopeDescription}. */
        String scopeDescription();
    }

    HostedConfig hosted();

    /** The managed login pages and the {@code /oauth2/*} endpoints. */
    interface HostedConfig {
        /**
         * Base URL of the pool's domain (Cognito's {@code https://<prefix>.auth.<region>
         * .amazoncognito.com}), announced by the OpenID configuration. Absent: the issuer base.
         */
        Optional<String> domain();

        /** How long an authorization code can be redeemed (Cognito: 5 minutes). */
        @WithDefault("5m")
        Duration authorizationCodeValidity();

        /** How long the login session cookie lets {@code /oauth2/authorize} skip the page. */
        @WithDefault("1h")
        Duration loginSessionValidity();

        /**
         * Refuse {@code /oauth2/authorize} without PKCE ({@code code_challenge}, S256) for clients
         * without a secret. Cognito does not require it (it is optional there); on by default
         * because a public client without PKCE is open to code interception.
         */
        @WithDefault("true")
        boolean requirePkceForPublicClients();

        /** How long a form's page stays usable (the CSRF cookie's lifetime). */
        @WithDefault("1h")
        Duration formValidity();
    }

    /** Token lifetimes ({@code IdTokenValidity}, ...) and the SRP challenge window. */
    interface TokensConfig {
        @WithDefault("1h")
        Duration idTokenValidity();

        @WithDefault("1h")
        Duration accessTokenValidity();

        @WithDefault("30d")
        Duration refreshTokenValidity();

        /** {@code AuthSessionValidity}: how long a PASSWORD_VERIFIER challenge can be answered. */
        @WithDefault("3m")
        Duration authSessionValidity();

        /** How far the SRP {@code TIMESTAMP} may be from the server clock (AWS: UNVERIFIED). */
        @WithDefault("5m")
        Duration timestampSkew();
    }

    /** Verification codes sent by email. */
    interface CodesConfig {
        /** The sender of verification emails. */
        @WithDefault("no-reply@gatehouse.local")
        String from();

        /** Log codes too (dev mode only; never in production). */
        @WithDefault("false")
        boolean log();

        @WithDefault("24h")
        Duration signUpValidity();

        /** Validity of a ForgotPassword code. */
        @WithDefault("1h")
        Duration resetValidity();

        /** ResendConfirmationCode calls per user per hour. */
        @WithDefault("5")
        int resendsPerHour();

        /** ConfirmSignUp calls per user per hour. */
        @WithDefault("15")
        int confirmationsPerHour();
    }

    /** Per-user hourly quotas beyond sign-up's ({@code LimitExceededException} past them). */
    interface QuotasConfig {
        /** ForgotPassword calls per user per hour. */
        @WithDefault("5")
        int forgotPasswordsPerHour();

        /** ConfirmForgotPassword calls per user per hour (Cognito: 5-20, risk-based). */
        @WithDefault("10")
        int confirmForgotPasswordsPerHour();

        /** ChangePassword calls per user per hour. */
        @WithDefault("5")
        int changePasswordsPerHour();
    }

    /** Brute-force protection on sign-in. */
    interface LockoutConfig {
        /** Consecutive failures before the first lock. */
        @WithDefault("5")
        int failuresBeforeLock();

        /** The longest lock (it doubles from one second). */
        @WithDefault("15m")
        Duration maximumLock();

        /** Quiet time after which the failure count resets. */
        @WithDefault("15m")
        Duration resetAfter();
    }
}
