package dev.gatehouse.identity;

import static dev.gatehouse.testing.architecture.GatehouseArchitecture.productionClasses;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.usesOnlyTheLibraryApi;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * identity-service keeps the suite's architecture ({@link ServiceArchitecture}) with one rule
 * narrowed: {@link #ISSUERS} may use auth-common's IAM SPI ({@link #IAM_SPI}) besides its API. Its
 * feature packages are free of cycles with no exception.
 *
 * <p>Cycles this test used to excuse, and what removed them (each time the package that calls owns
 * the contract and the feature that answers implements it):
 *
 * <ul>
 *   <li>The protocol vocabulary (Cognito's errors, the call's context), used by every feature, in
 *       the package whose dispatcher admitted calls through the request quotas: the dispatcher now
 *       asks its own {@code protocol.RequestAdmission}, so the protocol depends on no feature.
 *   <li>Configuration mappings read by the request quotas (the identity pools' and STS's quota
 *       settings) while STS called the quotas: STS now asks its own {@code sts.StsAdmission}.
 *   <li>Identity pools, STS and the outside OIDC providers calling each other both ways: they now
 *       point one way (identitypool → sts, identitypool → oidc). STS asks for a verified web
 *       identity through its own {@code sts.WebIdentities}, which the identity pools implement
 *       ({@code identitypool.WebIdentityTokens}), and verifying an OIDC provider's token (answered
 *       in Cognito Identity's errors) is the identity pools' {@code OidcLogins}; {@code oidc} keeps
 *       the providers and their keys.
 * </ul>
 */
class ArchitectureTest {

    private static final String ROOT = "dev.gatehouse.identity";

    /**
     * STS and the identity pools issue the credentials auth-common's IAM authorizer verifies: they
     * share its credential store, principal catalog and policy language, which are the one SPI they
     * may use besides the API. Why it remains: the SPI is the verifying half's too and belongs to
     * auth-common; a copy here would let the two halves drift apart.
     */
    private static final String[] ISSUERS = {ROOT + ".sts..", ROOT + ".identitypool.."};

    private static final String[] IAM_SPI = {
        "dev.gatehouse.auth.iam.credentials..",
        "dev.gatehouse.auth.iam.policy..",
        "dev.gatehouse.auth.iam.config.."
    };

    @Test
    void keepsTheSuiteArchitectureWithItsStatedExceptions() {
        ServiceArchitecture.of(ROOT)
                .libraryUse(usesOnlyTheLibraryApi(ROOT, ISSUERS, IAM_SPI))
                .check(productionClasses());
    }

    /**
     * The exception is still needed: without it the issuers' use of the IAM SPI fails the rules.
     */
    @Test
    void withoutItsExceptionTheIssuersBreakTheLibraryRule() {
        assertThatThrownBy(() -> ServiceArchitecture.of(ROOT).check(productionClasses()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.gatehouse.auth.iam.");
    }
}
