package dev.gatehouse.identity.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Users in Redis: one JSON record per user under its folded username, an index by {@code sub}, and
 * the email alias index (only verified emails are aliases). A user who has not confirmed the
 * sign-up expires with its sub index after {@code unconfirmed-user-validity}; confirming makes both
 * permanent.
 */
@ApplicationScoped
public class UserStore {

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final UserKeys keys;
    private final Duration unconfirmedValidity;
    private final Event<UserDeleted> deleted;

    UserStore(
            RedisDataSource redis,
            ObjectMapper json,
            UserPool pool,
            IdentityConfig config,
            Event<UserDeleted> deleted) {
        this.redis = redis;
        this.deleted = deleted;
        this.values = redis.value(String.class);
        this.json = json;
        this.keys = new UserKeys(pool.id());
        this.unconfirmedValidity = config.unconfirmedUserValidity();
    }

    /**
     * Stores a new user; false when the (folded) username is taken. An unconfirmed one expires
     * after the configured validity unless confirmed.
     */
    public boolean create(User user) {
        boolean unconfirmed = user.status() == UserStatus.UNCONFIRMED;
        String ttl = Long.toString(unconfirmedValidity.toMillis());
        String userKey = keys.user(user.username());
        String record = write(user);
        boolean created =
                (unconfirmed
                                ? redis.execute("SET", userKey, record, "NX", "PX", ttl)
                                : redis.execute("SET", userKey, record, "NX"))
                        != null;
        if (created) {
            String subKey = keys.sub(user.sub());
            String owner = UserKeys.fold(user.username());
            if (unconfirmed) {
                redis.execute("SET", subKey, owner, "PX", ttl);
            } else {
                values.set(subKey, owner);
            }
        }
        return created;
    }

    /**
     * Saves a user; an unconfirmed one keeps its expiry (and is not brought back if it just
     * expired), any other is made permanent.
     */
    public void save(User user) {
        if (user.status() == UserStatus.UNCONFIRMED) {
            values.set(keys.user(user.username()), write(user), new SetArgs().xx().keepttl());
            return;
        }
        values.set(keys.user(user.username()), write(user));
        redis.key().persist(keys.sub(user.sub()));
    }

    public Optional<User> byUsername(String username) {
        return Optional.ofNullable(values.get(keys.user(username))).map(this::read);
    }

    public Optional<User> bySub(String sub) {
        return Optional.ofNullable(values.get(keys.sub(sub))).flatMap(this::byUsername);
    }

    /**
     * The user a sign-in name means: the username, else a verified email alias. Both are read in
     * one MGET; an email-shaped name that is no alias costs the second read an alias costs, so a
     * real user and an unknown name send Redis the same commands.
     */
    public Optional<User> resolve(String name) {
        String userKey = keys.user(name);
        String aliasKey = keys.emailAlias(name);
        Map<String, String> found = values.mget(userKey, aliasKey);
        if (found.get(userKey) != null) {
            return Optional.of(read(found.get(userKey)));
        }
        String owner = found.get(aliasKey);
        if (owner == null) {
            if (name.indexOf('@') >= 0) {
                values.get(userKey); // the read an alias would cost: the same commands either way
            }
            return Optional.empty();
        }
        return byUsername(owner)
                .filter(u -> u.emailVerified() && UserKeys.fold(name).equals(fold(u.email())));
    }

    /**
     * Makes {@code email} an alias of {@code username}. Returns the folded username of the user who
     * already holds it, or empty when it is now (or already was) this user's.
     */
    public Optional<String> claimEmailAlias(String email, String username) {
        String owner = UserKeys.fold(username);
        String key = keys.emailAlias(email);
        if (values.setnx(key, owner)) {
            return Optional.empty();
        }
        String previous = values.get(key);
        if (previous == null || previous.equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(previous);
    }

    /**
     * AdminDeleteUser: the record, its sub index, its email alias (if it is this user's), its
     * pending codes, counters and failure count. Refresh tokens die with it (they name the sub).
     * Then {@link UserDeleted} lets other features drop what they hold of the user.
     */
    public void delete(User user) {
        String owner = UserKeys.fold(user.username());
        if (user.email() != null && owner.equals(values.get(keys.emailAlias(user.email())))) {
            redis.key().del(keys.emailAlias(user.email()));
        }
        redis.key()
                .del(
                        keys.user(user.username()),
                        keys.sub(user.sub()),
                        keys.code("signup", user.username()),
                        keys.code("reset", user.username()),
                        keys.failures(user.username()));
        deleted.fire(new UserDeleted(user));
    }

    /** ForceAliasCreation: the alias now names {@code username}, whoever held it. */
    public void forceEmailAlias(String email, String username) {
        values.set(keys.emailAlias(email), UserKeys.fold(username));
    }

    private static String fold(String value) {
        return value == null ? "" : UserKeys.fold(value);
    }

    private String write(User user) {
        try {
            return json.writeValueAsString(user);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private User read(String stored) {
        try {
            return json.readValue(stored, User.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
