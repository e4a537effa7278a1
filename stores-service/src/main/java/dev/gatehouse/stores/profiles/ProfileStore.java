package dev.gatehouse.stores.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Profiles in Redis, one JSON record per identity ({@code gatehouse:stores:profile:{identityId}}).
 * Records, so no TTL: a profile lives as long as its owner keeps it.
 */
@ApplicationScoped
public class ProfileStore {

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;

    ProfileStore(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.values = redis.value(String.class);
        this.json = json;
    }

    static String key(String identityId) {
        return "gatehouse:stores:profile:{" + identityId + "}";
    }

    public Uni<Optional<Profile>> find(String identityId) {
        return values.get(key(identityId)).map(text -> Optional.ofNullable(text).map(this::read));
    }

    public Uni<Profile> save(Profile profile) {
        try {
            return values.set(key(profile.identityId()), json.writeValueAsString(profile))
                    .replaceWith(profile);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Profile read(String text) {
        try {
            return json.readValue(text, Profile.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
