package dev.gatehouse.auth.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Full verification of one user pool token: smallrye-jwt's parser checks the RS256 signature (RS256
 * only, so {@code none} and HS256 are refused before any key is used), {@code iss}, {@code exp} and
 * {@code nbf} with the skew; this class adds what Cognito tokens need on top ({@code iat} not in
 * the future, {@code token_use}, the app client) and the claims in API Gateway's shape.
 */
public final class TokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final DefaultJWTParser parser;
    private final long skewSeconds;
    private final Clock clock;

    public TokenVerifier(String issuer, Duration clockSkew, Clock clock) {
        this.skewSeconds = clockSkew.toSeconds();
        this.clock = clock;
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(issuer);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        context.setClockSkew((int) skewSeconds);
        context.setExpGracePeriodSecs((int) skewSeconds);
        // Cognito names callers by sub; the MP-JWT principal-name rules do not apply here.
        context.setRequireNamedPrincipal(false);
        this.parser = new DefaultJWTParser(context);
    }

    /** The {@code kid} of a well-formed token's header, which must say {@code alg: RS256}. */
    public String keyId(String token) throws InvalidTokenException {
        JsonNode header = decodeSegment(token, 0, token.indexOf('.'), "header");
        if (!"RS256".equals(header.path("alg").asText(null))) {
            throw new InvalidTokenException("alg " + header.path("alg") + " is not RS256");
        }
        String kid = header.path("kid").asText(null);
        if (kid == null || kid.isEmpty()) {
            throw new InvalidTokenException("no kid in header");
        }
        return kid;
    }

    /** Verifies {@code token} with the pool key {@code key}. */
    public VerifiedToken verify(String token, PublicKey key) throws InvalidTokenException {
        try {
            parser.verify(token, key);
        } catch (ParseException e) {
            throw new InvalidTokenException("rejected by the JWT parser: " + details(e));
        } catch (RuntimeException e) {
            throw new InvalidTokenException("unparseable", e);
        }
        int first = token.indexOf('.');
        JsonNode payload =
                decodeSegment(token, first + 1, token.indexOf('.', first + 1), "payload");
        long now = clock.instant().getEpochSecond();
        JsonNode exp = payload.path("exp");
        JsonNode iat = payload.path("iat");
        if (!exp.isNumber() || !iat.isNumber()) {
            throw new InvalidTokenException("exp and iat must be numeric");
        }
        if (iat.asLong() > now + skewSeconds) {
            throw new InvalidTokenException("iat " + iat.asLong() + " is in the future");
        }
        String tokenUse = payload.path("token_use").asText(null);
        String clientId;
        if ("id".equals(tokenUse)) {
            clientId = payload.path("aud").asText(null);
        } else if ("access".equals(tokenUse)) {
            clientId = payload.path("client_id").asText(null);
        } else {
            throw new InvalidTokenException("token_use " + tokenUse + " is neither id nor access");
        }
        if (clientId == null || clientId.isEmpty()) {
            throw new InvalidTokenException("no app client in a " + tokenUse + " token");
        }
        Set<String> scopes = new HashSet<>();
        if (payload.path("scope").isTextual()) {
            for (String scope : payload.path("scope").asText().split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return new VerifiedToken(
                claimsOf(payload), tokenUse, clientId, Set.copyOf(scopes), exp.asLong());
    }

    /** Every claim as a string: text as is, numbers and booleans as JSON, the rest as JSON text. */
    private static Map<String, String> claimsOf(JsonNode payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> claim = it.next();
            JsonNode value = claim.getValue();
            claims.put(claim.getKey(), value.isTextual() ? value.asText() : value.toString());
        }
        return Map.copyOf(claims);
    }

    private static JsonNode decodeSegment(String token, int from, int to, String name)
            throws InvalidTokenException {
        if (from < 0 || to <= from) {
            throw new InvalidTokenException("no " + name);
        }
        try {
            JsonNode node = JSON.readTree(BASE64URL.decode(token.substring(from, to)));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException(name + " is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException(name + " is not base64url JSON", e);
        }
    }

    /** jose4j's reason without the token itself, which its messages quote in full. */
    private static String details(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int details = message.indexOf("Additional details: ");
        return details >= 0 ? message.substring(details + 20) : cause.getClass().getSimpleName();
    }
}
