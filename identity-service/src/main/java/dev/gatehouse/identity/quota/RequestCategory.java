package dev.gatehouse.identity.quota;

import dev.gatehouse.identity.pool.config.IdentityConfig;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * AWS's user-pool request-quota categories, with the operations of this pool that count against
 * each (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html). AWS gives the
 * challenge answers of UserAuthentication their own quota, three times the category's.
 */
public enum RequestCategory {
    USER_AUTHENTICATION(
            "UserAuthentication",
            Set.of("InitiateAuth", "AdminInitiateAuth"),
            IdentityConfig.RequestQuotasConfig::userAuthentication),
    USER_AUTHENTICATION_CHALLENGE(
            "UserAuthenticationChallenge",
            Set.of("RespondToAuthChallenge", "AdminRespondToAuthChallenge"),
            IdentityConfig.RequestQuotasConfig::userAuthenticationChallenge),
    USER_CREATION(
            "UserCreation",
            Set.of("SignUp", "ConfirmSignUp", "AdminCreateUser", "AdminConfirmSignUp"),
            IdentityConfig.RequestQuotasConfig::userCreation),
    USER_ACCOUNT_RECOVERY(
            "UserAccountRecovery",
            Set.of("ForgotPassword", "ConfirmForgotPassword", "ResendConfirmationCode"),
            IdentityConfig.RequestQuotasConfig::userAccountRecovery),
    USER_READ(
            "UserRead",
            Set.of("GetUser", "AdminGetUser"),
            IdentityConfig.RequestQuotasConfig::userRead),
    USER_UPDATE(
            "UserUpdate",
            Set.of("ChangePassword", "GlobalSignOut", "AdminDeleteUser"),
            IdentityConfig.RequestQuotasConfig::userUpdate),
    USER_TOKEN("UserToken", Set.of("RevokeToken"), IdentityConfig.RequestQuotasConfig::userToken);

    private final String awsName;
    private final Set<String> operations;
    private final ToIntFunction<IdentityConfig.RequestQuotasConfig> rate;

    RequestCategory(
            String awsName,
            Set<String> operations,
            ToIntFunction<IdentityConfig.RequestQuotasConfig> rate) {
        this.awsName = awsName;
        this.operations = operations;
        this.rate = rate;
    }

    /** The category an operation counts against; none for operations outside the table. */
    public static Optional<RequestCategory> of(String operation) {
        return Arrays.stream(values()).filter(c -> c.operations.contains(operation)).findFirst();
    }

    public String awsName() {
        return awsName;
    }

    /** Requests per second the configuration allows this category. */
    public int rate(IdentityConfig.RequestQuotasConfig config) {
        return rate.applyAsInt(config);
    }
}
