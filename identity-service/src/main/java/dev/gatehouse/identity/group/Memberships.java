package dev.gatehouse.identity.group;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserDeleted;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is in which group, kept twice so that both directions read one sorted set: the group's
 * members (subs) and the user's groups (folded names). Both change together, in one script, and
 * only while the group and the user exist. This class alone knows the membership scripts ({@code
 * membership-*.lua}).
 */
@ApplicationScoped
public class Memberships {

    /** Cognito's quota of groups per user. */
    static final int MOST_GROUPS_PER_USER = 100;

    private static final int BATCH = 100;
    private static final RedisScript ADD =
            RedisScript.fromClasspath("lua/identity-service/membership-add.lua");
    private static final RedisScript REMOVE =
            RedisScript.fromClasspath("lua/identity-service/membership-remove.lua");
    private static final RedisScript UNLINK =
            RedisScript.fromClasspath("lua/identity-service/membership-unlink.lua");
    private static final RedisScript FORGET_USER =
            RedisScript.fromClasspath("lua/identity-service/membership-forget-user.lua");

    /** The outcome of adding or removing a member. */
    public enum Change {
        DONE,
        NO_GROUP,
        NO_USER,
        USER_IN_TOO_MANY_GROUPS
    }

    private final RedisDataSource redis;
    private final ScriptRunner scripts;
    private final GroupKeys keys;

    Memberships(RedisDataSource redis, UserPool pool) {
        this.redis = redis;
        this.scripts = new ScriptRunner(redis);
        this.keys = new GroupKeys(new UserKeys(pool.id()));
    }

    public Change add(User user, String group) {
        return change(ADD, user, group, List.of(Integer.toString(MOST_GROUPS_PER_USER)));
    }

    public Change remove(User user, String group) {
        return change(REMOVE, user, group, List.of());
    }

    private Change change(RedisScript script, User user, String group, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(user.sub(), UserKeys.fold(group)));
        args.addAll(extra);
        String reply =
                scripts.run(
                                script,
                                List.of(
                                        keys.group(group),
                                        keys.members(group),
                                        keys.groupsOf(user.sub()),
                                        keys.user(user.sub())),
                                args)
                        .toString();
        return switch (reply) {
            case "OK" -> Change.DONE;
            case "NO_GROUP" -> Change.NO_GROUP;
            case "NO_USER" -> Change.NO_USER;
            default -> Change.USER_IN_TOO_MANY_GROUPS;
        };
    }

    /** Every group of the user (folded names, in name order). */
    public List<String> groupsOf(String sub) {
        return scripts.rangeAfter(keys.groupsOf(sub), Optional.empty(), MOST_GROUPS_PER_USER * 2);
    }

    /** A page of the user's groups (folded names). */
    Paging.Page<String> groupsOf(String sub, Paging paging) {
        return paging.page(
                scripts.rangeAfter(keys.groupsOf(sub), paging.after(), paging.limit() + 1));
    }

    /** A page of the group's members (subs, in sub order). */
    Paging.Page<String> membersOf(String group, Paging paging) {
        return paging.page(
                scripts.rangeAfter(keys.members(group), paging.after(), paging.limit() + 1));
    }

    /**
     * DeleteGroup's second step: the deleted group leaves the group list of each member set aside
     * by the first, a batch per script call; then the set-aside list goes.
     */
    void unlinkDeletedGroup(String group, String setAside) {
        Optional<String> after = Optional.empty();
        while (true) {
            List<String> subs = scripts.rangeAfter(setAside, after, BATCH);
            if (subs.isEmpty()) {
                break;
            }
            List<String> scriptKeys = new ArrayList<>(List.of(keys.members(group)));
            subs.forEach(sub -> scriptKeys.add(keys.groupsOf(sub)));
            List<String> args = new ArrayList<>(List.of(UserKeys.fold(group)));
            args.addAll(subs);
            scripts.run(UNLINK, scriptKeys, args);
            after = Optional.of(subs.get(subs.size() - 1));
        }
        redis.key().del(setAside);
    }

    /** A deleted user leaves every group they were in. */
    void forget(@Observes UserDeleted deleted) {
        String sub = deleted.user().sub();
        List<String> scriptKeys = new ArrayList<>(List.of(keys.groupsOf(sub)));
        groupsOf(sub).forEach(group -> scriptKeys.add(keys.members(group)));
        long left = scripts.run(FORGET_USER, scriptKeys, List.of(sub)).toLong();
        Log.debugf("deleted user left %d groups", left);
    }
}
