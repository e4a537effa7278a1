package dev.gatehouse.identity.group;

import dev.gatehouse.identity.group.config.GroupsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Provisions the groups of the suite configuration at startup, idempotently, the way {@code sls
 * deploy} provisions a template's {@code AWS::Cognito::UserPoolGroup}s: a missing group is created,
 * a group whose settings differ from the file is rewritten (keeping its members and creation date),
 * an unchanged one is left alone. Every group it writes is marked {@link
 * GroupSource#CONFIGURATION}. Invalid settings stop startup, every offending property named.
 */
@ApplicationScoped
public class GroupProvisioner {

    static final String PREFIX = "gatehouse.identity.groups.";

    private final GroupsConfig config;
    private final GroupStore store;
    private final Clock clock = Clock.systemUTC();

    GroupProvisioner(GroupsConfig config, GroupStore store) {
        this.config = config;
        this.store = store;
    }

    void onStart(@Observes StartupEvent started) {
        provision();
    }

    /** Returns the names of the groups created or rewritten. */
    public List<String> provision() {
        check(config.groups());
        List<String> written = new ArrayList<>();
        config.groups()
                .forEach(
                        (name, declared) -> {
                            if (provision(name, declared)) {
                                written.add(name);
                            }
                        });
        if (!written.isEmpty()) {
            Log.infof("user pool groups provisioned from the configuration: %s", written);
        }
        return written;
    }

    private boolean provision(String name, GroupsConfig.GroupConfig declared) {
        long now = clock.instant().getEpochSecond();
        for (int attempt = 0; attempt < 3; attempt++) {
            var existing = store.find(name);
            if (existing.isEmpty()) {
                Group group =
                        new Group(
                                name,
                                declared.description(),
                                declared.roleArn(),
                                declared.precedence(),
                                now,
                                now,
                                GroupSource.CONFIGURATION);
                switch (store.create(group)) {
                    case CREATED:
                        return true;
                    case POOL_FULL:
                        throw new IllegalStateException(
                                "cannot provision "
                                        + PREFIX
                                        + name
                                        + ": the pool holds "
                                        + GroupStore.MOST_GROUPS
                                        + " groups already");
                    case NAME_TAKEN:
                        continue; // another instance created it meanwhile: compare with theirs
                }
            }
            Group current = existing.get();
            if (current.description().equals(declared.description())
                    && current.roleArn().equals(declared.roleArn())
                    && current.precedence().equals(declared.precedence())
                    && current.source() == GroupSource.CONFIGURATION) {
                return false;
            }
            Group rewritten =
                    new Group(
                            current.name(),
                            declared.description(),
                            declared.roleArn(),
                            declared.precedence(),
                            current.creationDate(),
                            now,
                            GroupSource.CONFIGURATION);
            if (store.replace(rewritten)) {
                return true;
            }
        }
        throw new IllegalStateException(
                "cannot provision " + PREFIX + name + ": it is being created and deleted");
    }

    private static void check(Map<String, GroupsConfig.GroupConfig> groups) {
        List<String> violations = new ArrayList<>();
        groups.forEach(
                (name, group) ->
                        violations.addAll(
                                new GroupRules()
                                        .groupName(PREFIX + name, name)
                                        .description(
                                                PREFIX + name + ".description", group.description())
                                        .roleArn(PREFIX + name + ".role-arn", group.roleArn())
                                        .precedence(
                                                PREFIX + name + ".precedence", group.precedence())
                                        .violations()));
        if (!violations.isEmpty()) {
            throw new IllegalStateException(
                    "invalid user pool groups in the configuration: "
                            + String.join("; ", violations));
        }
    }
}
