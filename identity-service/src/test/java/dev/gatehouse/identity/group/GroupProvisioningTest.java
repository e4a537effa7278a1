package dev.gatehouse.identity.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.group.config.GroupsConfig;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * Groups of the suite configuration ({@code gatehouse.identity.groups.<name>.*}) exist after
 * startup, marked as coming from the configuration; provisioning again changes nothing unless the
 * group drifted from the file, and invalid settings stop startup naming the property.
 */
@QuarkusTest
@TestProfile(GroupsProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GroupProvisioningTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;
    @Inject GroupProvisioner provisioner;
    @Inject GroupStore store;

    private GroupType get(String name) {
        return GroupClients.of(url, pool)
                .groups()
                .getGroup(r -> r.userPoolId(pool.id()).groupName(name))
                .group();
    }

    private String source(String name) {
        String record = new GroupKeys(new UserKeys(pool.id())).group(name);
        return redis.hash(String.class).hget(record, "source");
    }

    @Test
    void configuredGroupsExistMarkedAsFromTheConfiguration() {
        GroupType editors = get("Editors");
        assertThat(editors.roleArn()).isEqualTo(GroupsProfile.EDITORS_ROLE);
        assertThat(editors.precedence()).isEqualTo(1);
        assertThat(editors.description()).isEqualTo("Edit the catalog");
        GroupType readers = get("readers");
        assertThat(readers.description()).isEqualTo("Read only");
        assertThat(readers.roleArn()).isNull();
        assertThat(readers.precedence()).isNull();
        assertThat(source("Editors")).isEqualTo("CONFIGURATION");

        GroupClients.of(url, pool)
                .groups()
                .createGroup(r -> r.userPoolId(pool.id()).groupName("made-by-api"));
        assertThat(source("made-by-api")).isEqualTo("API");
    }

    @Test
    void provisioningAgainChangesNothingUntilAGroupDriftsFromTheFile() {
        GroupType before = get("Editors");
        assertThat(provisioner.provision()).isEmpty();
        assertThat(get("Editors")).isEqualTo(before);

        GroupClients.of(url, pool)
                .groups()
                .updateGroup(
                        r ->
                                r.userPoolId(pool.id())
                                        .groupName("Editors")
                                        .precedence(42)
                                        .description("changed by the API"));
        assertThat(provisioner.provision()).containsExactly("Editors");
        GroupType restored = get("Editors");
        assertThat(restored.precedence()).isEqualTo(1);
        assertThat(restored.description()).isEqualTo("Edit the catalog");
        assertThat(restored.creationDate()).isEqualTo(before.creationDate());

        // A configured group deleted through the API comes back at the next start.
        assertThat(store.delete("readers")).isTrue();
        assertThat(provisioner.provision()).containsExactly("readers");
        assertThat(get("readers").description()).isEqualTo("Read only");
    }

    @Test
    void invalidConfiguredGroupsStopStartupNamingTheProperty() {
        GroupsConfig bad =
                () ->
                        Map.of(
                                "two words", settings(Optional.empty(), Optional.of(1)),
                                "fine", settings(Optional.of("role/NotAnArn"), Optional.of(-2)));
        assertThatThrownBy(() -> new GroupProvisioner(bad, store).provision())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at 'gatehouse.identity.groups.two words'")
                .hasMessageContaining("at 'gatehouse.identity.groups.fine.role-arn'")
                .hasMessageContaining("at 'gatehouse.identity.groups.fine.precedence'");
        assertThat(store.find("fine")).isEmpty();
    }

    private static GroupsConfig.GroupConfig settings(
            Optional<String> roleArn, Optional<Integer> precedence) {
        return new GroupsConfig.GroupConfig() {
            @Override
            public Optional<String> description() {
                return Optional.empty();
            }

            @Override
            public Optional<String> roleArn() {
                return roleArn;
            }

            @Override
            public Optional<Integer> precedence() {
                return precedence;
            }
        };
    }
}
