package dev.gatehouse.identity.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.pool.UserPool;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Users in Redis: one JSON record per user under its folded username, an index by {@code sub}, and
 * the email alias index (only verified emails are aliases).
 */
@ApplicationScoped
public class UserStore {

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;
    private final UserKeys keys;
    private final Event<UserDeleted> deleted;

    UserStore(RedisDataSource redis, ObjectMapper json, UserPool pool, Event<UserDeleted> deleted) {
        this.redis = redis;
        this.deleted = deleted;
        this.values = redis.value(String.class);
        this.json = json;
        this.keys = new UserKeys(pool.id());
    }

    /** Stores a new user; false when the (folded) username is taken. */
    public boolean create(User user) {
        boolean created = values.setnx(keys.user(user.username()), write(user));
        if (created) {
            values.set(keys.sub(user.sub()), UserKeys.fold(user.username()));
        }
        return created;
    }

    public void save(User user) {
        values.set(keys.user(user.username()), write(user));
    }

    public Optional<User> byUsername(String username) {
        return Optional.ofNullable(values.get(keys.user(username))).map(this::read);
    }

    public Optional<User> bySub(String sub) {
        return Optional.ofNullable(values.get(keys.sub(sub))).flatMap(this::byUsername);
    }

    /** The user a sign-in name means: the username, else a verified email alias. */
    public Optional<User> resolve(String name) {
        Optional<User> user = byUsername(name);
        if (user.isPresent()) {
            return user;
        }
        return Optional.ofNullable(values.get(keys.emailAlias(name)))
                .flatMap(this::byUsername)
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
