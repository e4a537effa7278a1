package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.identity.oidc.OidcProviders;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.sts.StsErrors;
import dev.gatehouse.identity.sts.WebIdentities;
import dev.gatehouse.identity.sts.WebIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web identity of AssumeRoleWithWebIdentity: an OpenID token of the identity pools (issuer
 * {@code cognito-identity.amazonaws.com}, trusted as {@code Federated:
 * cognito-identity.amazonaws.com}) or an ID token of a configured OIDC provider (trusted as its
 * provider ARN). The context keys trust and session policies read follow AWS: {@code
 * cognito-identity.amazonaws.com:aud|sub|amr}, or {@code <host>:aud|sub}. STS asks through its
 * {@link WebIdentities} contract: the issuers live here, so STS depends on no identity pool class.
 */
@ApplicationScoped
public class WebIdentityTokens implements WebIdentities {

    private final ObjectMapper json;
    private final OpenIdTokens openIdTokens;
    private final OidcProviders providers;
    private final OidcLogins oidc;
    private final String accountId;
    private final Clock clock = Clock.systemUTC();

    WebIdentityTokens(
            ObjectMapper json,
            OpenIdTokens openIdTokens,
            OidcProviders providers,
            OidcLogins oidc,
            IamConfig iam) {
        this.json = json;
        this.openIdTokens = openIdTokens;
        this.providers = providers;
        this.oidc = oidc;
        this.accountId = iam.accountId();
    }

    @Override
    public WebIdentity verify(String token) {
        String issuer = unverifiedIssuer(token);
        if (issuer.equals(openIdTokens.issuer())) {
            JsonNode claims =
                    openIdTokens
                            .verify(token)
                            .orElseThrow(
                                    () ->
                                            StsErrors.invalidIdentityToken(
                                                    "The web identity token that was passed could"
                                                        + " not be validated by AWS. Get a new"
                                                        + " identity token from the identity"
                                                        + " provider and then retry the request."));
            checkExpiry(claims);
            List<String> amr = new ArrayList<>();
            claims.path("amr").forEach(v -> amr.add(v.asText()));
            String sub = claims.path("sub").asText();
            String aud = claims.path("aud").asText();
            return new WebIdentity(
                    FederatedSessions.COGNITO_IDENTITY,
                    FederatedSessions.COGNITO_IDENTITY,
                    sub,
                    aud,
                    FederatedSessions.context(aud, sub, amr),
                    Optional.empty());
        }
        String host = OidcProviders.host(issuer);
        if (providers.provider(host).isEmpty()) {
            throw StsErrors.invalidIdentityToken(
                    "No OpenIDConnect provider found in your account for " + issuer);
        }
        VerifiedLogin login;
        try {
            login = oidc.verify(host, token);
        } catch (CognitoException e) {
            if (e.getMessage().contains("Token expired")) {
                throw StsErrors.expiredToken(
                        "Token expired: " + e.getMessage().replaceFirst(".*Token expired: ", ""));
            }
            if (e.getMessage().contains("audience")) {
                throw StsErrors.invalidIdentityToken("Incorrect token audience");
            }
            throw StsErrors.invalidIdentityToken(
                    "The web identity token that was passed could not be validated by AWS. Get a"
                            + " new identity token from the identity provider and then retry the"
                            + " request.");
        }
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put(host + ":aud", List.of(login.clientId()));
        context.put(host + ":sub", List.of(login.subject()));
        return new WebIdentity(
                "arn:aws:iam::" + accountId + ":oidc-provider/" + host,
                host,
                login.subject(),
                login.clientId(),
                context,
                Optional.empty());
    }

    private void checkExpiry(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        long exp = claims.path("exp").asLong(0);
        if (exp <= now) {
            throw StsErrors.expiredToken(
                    "Token expired: current date/time "
                            + now
                            + " must be before the expiration date/time "
                            + exp);
        }
    }

    private String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw StsErrors.invalidIdentityToken("Token is not a valid JWT.");
        }
        try {
            JsonNode claims =
                    json.readTree(
                            new String(
                                    Base64.getUrlDecoder().decode(parts[1]),
                                    StandardCharsets.UTF_8));
            String iss = claims == null ? "" : claims.path("iss").asText("");
            if (iss.isEmpty()) {
                throw StsErrors.invalidIdentityToken("Token is not a valid JWT.");
            }
            return iss;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw StsErrors.invalidIdentityToken("Token is not a valid JWT.");
        }
    }
}
