package dev.gatehouse.identity.group;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Group records in Redis: one hash per group under its folded name, and the pool's index of names
 * for ListGroups. This class alone knows the record's fields and the scripts that write them
 * ({@code group-create.lua}, {@code group-update.lua}, {@code group-delete.lua}, {@code
 * group-records.lua}).
 */
@ApplicationScoped
public class GroupStore {

    /** Cognito's quota of groups per user pool. */
    static final int MOST_GROUPS = 10_000;

    /** How long a deleted group's member list may outlive an unfinished DeleteGroup. */
    private static final long SET_ASIDE_SECONDS = 86_400;

    private static final RedisScript CREATE =
            RedisScript.fromClasspath("lua/identity-service/group-create.lua");
    private static final RedisScript UPDATE =
            RedisScript.fromClasspath("lua/identity-service/group-update.lua");
    private static final RedisScript DELETE =
            RedisScript.fromClasspath("lua/identity-service/group-delete.lua");
    private static final RedisScript RECORDS =
            RedisScript.fromClasspath("lua/identity-service/group-records.lua");

    /** What CreateGroup found. */
    public enum Created {
        CREATED,
        NAME_TAKEN,
        POOL_FULL
    }

    private final ScriptRunner scripts;
    private final GroupKeys keys;
    private final Memberships memberships;

    GroupStore(RedisDataSource redis, UserPool pool, Memberships memberships) {
        this.scripts = new ScriptRunner(redis);
        this.keys = new GroupKeys(new UserKeys(pool.id()));
        this.memberships = memberships;
    }

    public Created create(Group group) {
        List<String> args = new ArrayList<>();
        args.add(UserKeys.fold(group.name()));
        args.add(Integer.toString(MOST_GROUPS));
        fields(group).forEach((field, value) -> args.addAll(List.of(field, value)));
        long reply =
                scripts.run(CREATE, List.of(keys.group(group.name()), keys.groups()), args)
                        .toLong();
        return reply == 1 ? Created.CREATED : reply == 0 ? Created.NAME_TAKEN : Created.POOL_FULL;
    }

    /**
     * Writes {@code group}'s settings over the stored record, keeping its name and creation date;
     * absent settings are removed. False when the group does not exist (any more).
     */
    public boolean replace(Group group) {
        Map<String, String> fields = fields(group);
        fields.remove("name");
        fields.remove("created");
        List<String> removed = new ArrayList<>();
        for (String optional : List.of("description", "roleArn", "precedence")) {
            if (!fields.containsKey(optional)) {
                removed.add(optional);
            }
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(removed.size()));
        args.addAll(removed);
        fields.forEach((field, value) -> args.addAll(List.of(field, value)));
        return scripts.run(UPDATE, List.of(keys.group(group.name())), args).toLong() == 1;
    }

    public Optional<Group> find(String name) {
        return read(List.of(UserKeys.fold(name))).stream().findFirst();
    }

    /** The groups of these folded names that exist, in the order given. */
    public List<Group> read(List<String> foldedNames) {
        if (foldedNames.isEmpty()) {
            return List.of();
        }
        List<String> recordKeys = foldedNames.stream().map(keys::group).toList();
        List<Group> groups = new ArrayList<>();
        for (Response record : scripts.run(RECORDS, recordKeys, List.of())) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < record.size(); i += 2) {
                fields.put(record.get(i).toString(), record.get(i + 1).toString());
            }
            if (!fields.isEmpty()) {
                groups.add(group(fields));
            }
        }
        return groups;
    }

    /** A page of the pool's groups, in folded-name order. */
    Paging.Page<Group> list(Paging paging) {
        Paging.Page<String> names =
                paging.page(scripts.rangeAfter(keys.groups(), paging.after(), paging.limit() + 1));
        return new Paging.Page<>(read(names.entries()), names.nextToken());
    }

    /** DeleteGroup: the record, then every membership. False when there is no such group. */
    public boolean delete(String name) {
        String setAside = keys.deletedMembers(name, UUID.randomUUID().toString());
        long deleted =
                scripts.run(
                                DELETE,
                                List.of(
                                        keys.group(name),
                                        keys.groups(),
                                        keys.members(name),
                                        setAside),
                                List.of(UserKeys.fold(name), Long.toString(SET_ASIDE_SECONDS)))
                        .toLong();
        if (deleted == 1) {
            memberships.unlinkDeletedGroup(name, setAside);
        }
        return deleted == 1;
    }

    private static Map<String, String> fields(Group group) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", group.name());
        group.description().ifPresent(d -> fields.put("description", d));
        group.roleArn().ifPresent(r -> fields.put("roleArn", r));
        group.precedence().ifPresent(p -> fields.put("precedence", p.toString()));
        fields.put("created", Long.toString(group.creationDate()));
        fields.put("modified", Long.toString(group.lastModifiedDate()));
        fields.put("source", group.source().name());
        return fields;
    }

    private static Group group(Map<String, String> fields) {
        return new Group(
                fields.get("name"),
                Optional.ofNullable(fields.get("description")),
                Optional.ofNullable(fields.get("roleArn")),
                Optional.ofNullable(fields.get("precedence")).map(Integer::valueOf),
                Long.parseLong(fields.get("created")),
                Long.parseLong(fields.get("modified")),
                GroupSource.valueOf(fields.get("source")));
    }
}
