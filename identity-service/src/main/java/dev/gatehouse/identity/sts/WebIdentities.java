package dev.gatehouse.identity.sts;

/**
 * The web identity token of AssumeRoleWithWebIdentity, verified by the part of the service that
 * knows its issuers (the identity pools' OpenID tokens and the configured OIDC providers: {@code
 * identitypool.WebIdentityTokens}). STS owns this contract and depends on no issuer, so the
 * identity pools may issue STS role sessions without a cycle between the two packages.
 */
public interface WebIdentities {

    /**
     * The verified identity of {@code token}; else {@code InvalidIdentityToken} or {@code
     * ExpiredTokenException} ({@link StsException}) with AWS's message.
     */
    WebIdentity verify(String token);
}
