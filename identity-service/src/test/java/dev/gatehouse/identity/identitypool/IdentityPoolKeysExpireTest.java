package dev.gatehouse.identity.identitypool;

import static dev.gatehouse.identity.identitypool.IdentityPoolClients.POOL;
import static dev.gatehouse.identity.identitypool.OutsideProviderResource.DEV_POOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Every key the identity pool API and STS write has a TTL, except the identity records themselves
 * (kept as on AWS until deleted): the identity hash, its login index entries, the pool's identity
 * list, and the OpenID token signing key. Every operation of both APIs runs once, through the AWS
 * SDK v2; the keys it leaves behind are then read from Redis.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = OutsideProviderResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IdentityPoolKeysExpireTest {

    /** The records (no TTL); everything else must expire. */
    static final List<Pattern> RECORDS =
            List.of(
                    Pattern.compile("gatehouse:identitypool:\\{[^}]+}:identity:[\\w-]+:[0-9a-f-]+"),
                    Pattern.compile("gatehouse:identitypool:\\{[^}]+}:login:[0-9a-f]{64}"),
                    Pattern.compile("gatehouse:identitypool:\\{[^}]+}:identities"),
                    Pattern.compile("gatehouse:identitypool:openid-signing-key"));

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    private StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider key(String id, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
    }

    private static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    private Set<String> keys() {
        return new HashSet<>(redis.key().keys("*"));
    }

    @Test
    void everyKeyButTheIdentityRecordsExpires() {
        TestUsers users = new TestUsers(url, pool);
        users.register("ttl", "ttl@example.com", true);
        String idToken = users.signIn("ttl", TestUsers.PASSWORD).idToken();
        Set<String> before = keys();

        CognitoIdentityClient identity = IdentityPoolClients.anonymous(url);
        Map<String, String> logins =
                Map.of("cognito-idp.us-east-1.amazonaws.com/" + pool.id(), idToken);
        String id = identity.getId(r -> r.identityPoolId(POOL).logins(logins)).identityId();
        identity.getCredentialsForIdentity(r -> r.identityId(id).logins(logins));
        String guest = identity.getId(r -> r.identityPoolId(POOL)).identityId();
        identity.getCredentialsForIdentity(r -> r.identityId(guest));
        String openId = identity.getOpenIdToken(r -> r.identityId(id).logins(logins)).token();
        CognitoIdentityClient admin =
                IdentityPoolClients.signedAs(
                        url,
                        key("AKIAIDENTITYPOOLADMN", "IdentityServiceTestPoolAdminSecret000000"));
        admin.getOpenIdTokenForDeveloperIdentity(
                r -> r.identityPoolId(DEV_POOL).logins(Map.of("login.gatehouse.example", "ttl")));
        admin.describeIdentity(r -> r.identityId(id));
        admin.listIdentities(r -> r.identityPoolId(POOL).maxResults(10));

        Credentials classic =
                sts(AnonymousCredentialsProvider.create())
                        .assumeRoleWithWebIdentity(
                                r ->
                                        r.roleArn(
                                                        "arn:aws:iam::123456789012:role/app-authenticated")
                                                .roleSessionName("ttl")
                                                .webIdentityToken(openId))
                        .credentials();
        sts(session(classic)).getCallerIdentity();
        StsClient assumer =
                sts(key("AKIAIDENTITYASSUMER2", "IdentityServiceTestAssumerSecret00000000"));
        assumer.assumeRole(
                r ->
                        r.roleArn("arn:aws:iam::123456789012:role/app-operator")
                                .roleSessionName("ttl"));
        assumer.getSessionToken();

        Map<String, Long> written = new TreeMap<>();
        for (String key : keys()) {
            if (!before.contains(key)) {
                written.put(key, redis.key().pttl(key));
            }
        }
        assertThat(written.keySet())
                .as("the calls wrote credentials, identities and request quota buckets")
                .anyMatch(k -> k.startsWith("gatehouse:iam:{ASIA"))
                .anyMatch(k -> k.startsWith("gatehouse:identitypool:{" + POOL + "}:identity:"))
                .anyMatch(k -> k.contains("request-quota"));
        written.forEach(
                (key, ttl) -> {
                    boolean record = RECORDS.stream().anyMatch(p -> p.matcher(key).matches());
                    if (record) {
                        assertThat(ttl).as("%s is a record", key).isEqualTo(-1L);
                    } else {
                        assertThat(ttl).as("%s must expire", key).isPositive();
                    }
                });
    }
}
