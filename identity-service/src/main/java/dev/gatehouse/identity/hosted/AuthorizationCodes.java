package dev.gatehouse.identity.hosted;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorization codes: random, single use, redeemable for {@code
 * gatehouse.identity.hosted.authorization-code-validity} (Cognito: 5 minutes) by the client they
 * were issued to, with the same {@code redirect_uri} and, when the request had a {@code
 * code_challenge}, the matching {@code code_verifier} (S256). Redis holds only the code's SHA-256;
 * redemption is one script ({@code oauth-code-redeem.lua}) that checks every binding and deletes
 * the code only when all hold, so a refused attempt changes nothing. This class alone knows the key
 * and the script's contract.
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** What a redeemed code stands for. */
    public record CodeGrant(
            String username,
            String sub,
            String clientId,
            String scope,
            Optional<String> nonce,
            long authTime) {}

    /** The outcome of a redemption. */
    public sealed interface Redemption {}

    public record Redeemed(CodeGrant grant) implements Redemption {}

    /** Why a code was refused; the code is unchanged. */
    public record Refused(String reason) implements Redemption {}

    private static final RedisScript REDEEM =
            RedisScript.fromClasspath("lua/identity-service/oauth-code-redeem.lua");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final Duration validity;
    private final Clock clock;

    AuthorizationCodes(RedisDataSource redis, UserPool pool, IdentityConfig config, Clock clock) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.validity = config.hosted().authorizationCodeValidity();
        this.clock = clock;
    }

    /** A new code for {@code user}, signed in at {@code authTime}, answering {@code request}. */
    public String issue(AuthorizationRequest request, User user, long authTime) {
        String code = UUID.randomUUID().toString();
        Map<String, String> fields = new HashMap<>();
        fields.put("client", request.client().id());
        fields.put("redirectUri", request.redirectUri());
        fields.put("challenge", request.codeChallenge().orElse(""));
        fields.put("username", user.username());
        fields.put("sub", user.sub());
        fields.put("scope", request.scope());
        fields.put("nonce", request.nonce().orElse(""));
        fields.put("authTime", Long.toString(authTime));
        fields.put("issuedAt", Long.toString(clock.millis()));
        String key = key(code);
        hashes.hset(key, fields);
        // Redis forgets it a minute after it could last be used; the clock decides before that.
        redis.key().expire(key, validity.plusMinutes(1));
        return code;
    }

    public Redemption redeem(
            String code, String clientId, String redirectUri, Optional<String> verifier) {
        Response reply =
                REDEEM.run(
                                redis.getReactive(),
                                List.of(key(code)),
                                List.of(
                                        clientId,
                                        redirectUri,
                                        verifier.map(AuthorizationCodes::s256).orElse(""),
                                        Long.toString(clock.millis()),
                                        Long.toString(validity.toMillis())))
                        .await()
                        .atMost(WAIT);
        if (!"ok".equals(reply.get(0).toString())) {
            return new Refused(reply.get(1).toString());
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            fields.put(reply.get(i).toString(), reply.get(i + 1).toString());
        }
        return new Redeemed(
                new CodeGrant(
                        fields.get("username"),
                        fields.get("sub"),
                        fields.get("client"),
                        fields.get("scope"),
                        Optional.of(fields.get("nonce")).filter(n -> !n.isEmpty()),
                        Long.parseLong(fields.get("authTime"))));
    }

    /** PKCE S256: base64url(SHA-256(ASCII(code_verifier))), no padding (RFC 7636 4.2). */
    static String s256(String verifier) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Srp.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private String key(String code) {
        return keys.prefix()
                + "oauth-code:"
                + HexFormat.of().formatHex(Srp.sha256(code.getBytes(StandardCharsets.UTF_8)));
    }
}
