package dev.gatehouse.identity.quota;

import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;

/**
 * The request quota of one identity pool operation: AWS counts identity pool quotas per operation
 * rather than by category (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
 */
record IdentityPoolRequestQuota(String operation, int rate) {

    static IdentityPoolRequestQuota of(String operation, IdentityPoolsConfig.RequestQuotas config) {
        int rate =
                switch (operation) {
                    case "GetId" -> config.getId();
                    case "GetCredentialsForIdentity" -> config.getCredentialsForIdentity();
                    case "GetOpenIdToken" -> config.getOpenIdToken();
                    case "GetOpenIdTokenForDeveloperIdentity" ->
                            config.getOpenIdTokenForDeveloperIdentity();
                    default -> config.other();
                };
        return new IdentityPoolRequestQuota(operation, rate);
    }
}
