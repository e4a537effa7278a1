package dev.gatehouse.identity.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.UserPoolProvisioner;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code client_credentials} for a client whose secret was minted at first start: resource-server
 * scopes in the access token; a wrong secret is {@code invalid_client} (401, and {@code
 * WWW-Authenticate: Basic} when Basic was tried); scopes beyond the client's are {@code
 * invalid_scope}.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ClientCredentialsTest {

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    AppClient machine() {
        return pool.clientByName("machine").orElseThrow();
    }

    String secret() {
        return machine().secret().orElseThrow().reveal();
    }

    @Test
    void theMintedSecretIsKeptSealedNotInTheClear() {
        Map<String, String> stored = redis.hash(String.class).hgetall(UserPoolProvisioner.KEY);
        assertThat(stored).containsKey("client-secret.machine.sealed");
        assertThat(stored.values()).noneMatch(v -> v.contains(secret()));
        assertThat(secret()).matches("[a-z0-9]{51}");
        assertThat(machine().toString()).doesNotContain(secret());
        // The supplied secret of "webapp" never reaches Redis.
        assertThat(stored.keySet()).noneMatch(k -> k.startsWith("client-secret.webapp"));
    }

    @Test
    void issuesAnAccessTokenWithResourceServerScopesByBasicOrBody() {
        JsonPath basic =
                given().contentType("application/x-www-form-urlencoded")
                        .auth()
                        .preemptive()
                        .basic(machine().id(), secret())
                        .formParam("grant_type", "client_credentials")
                        .formParam("scope", "https://orders.example.com/read")
                        .post("/oauth2/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(basic.getString("token_type")).isEqualTo("Bearer");
        assertThat(basic.getInt("expires_in")).isEqualTo(3600);
        assertThat(basic.getString("id_token")).isNull();
        assertThat(basic.getString("refresh_token")).isNull();
        Map<String, Object> claims = claims(basic.getString("access_token"));
        assertThat(claims)
                .containsEntry("sub", machine().id())
                .containsEntry("client_id", machine().id())
                .containsEntry("token_use", "access")
                .containsEntry("scope", "https://orders.example.com/read");

        JsonPath body =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", machine().id())
                        .formParam("client_secret", secret())
                        .post("/oauth2/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(claims(body.getString("access_token")).get("scope"))
                .isEqualTo("https://orders.example.com/read https://orders.example.com/write");
    }

    @Test
    void aWrongSecretIsInvalidClient() {
        Response basic =
                given().contentType("application/x-www-form-urlencoded")
                        .auth()
                        .preemptive()
                        .basic(machine().id(), secret() + "x")
                        .formParam("grant_type", "client_credentials")
                        .post("/oauth2/token");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.jsonPath().getString("error")).isEqualTo("invalid_client");
        assertThat(basic.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(basic.asString()).doesNotContain(secret());

        Response body =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", machine().id())
                        .formParam("client_secret", "wrong-secret-0123456789abcdef")
                        .post("/oauth2/token");
        assertThat(body.statusCode()).isEqualTo(401);
        assertThat(body.jsonPath().getString("error")).isEqualTo("invalid_client");

        Response none =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", machine().id())
                        .post("/oauth2/token");
        assertThat(none.statusCode()).isEqualTo(401);

        Response unknown =
                given().contentType("application/x-www-form-urlencoded")
                        .auth()
                        .preemptive()
                        .basic("nosuchclient", "whatever-secret-0123456789")
                        .formParam("grant_type", "client_credentials")
                        .post("/oauth2/token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.jsonPath().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void scopesBeyondTheClientsAreInvalidScope() {
        for (String scope :
                new String[] {
                    "https://orders.example.com/admin", "openid", "https://other.example.com/read"
                }) {
            Response refused =
                    given().contentType("application/x-www-form-urlencoded")
                            .auth()
                            .preemptive()
                            .basic(machine().id(), secret())
                            .formParam("grant_type", "client_credentials")
                            .formParam("scope", scope)
                            .post("/oauth2/token");
            assertThat(refused.statusCode()).as(scope).isEqualTo(400);
            assertThat(refused.jsonPath().getString("error")).isEqualTo("invalid_scope");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])))
                .getMap("");
    }
}
