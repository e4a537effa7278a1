package dev.gatehouse.stores.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.stores.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;

/**
 * Reads a PUT body strictly: {@code {"displayName": "...", "favoriteStoreId": "..."}}, nothing
 * else; every mistake is a 400 naming the field.
 */
@ApplicationScoped
public class ProfileParser {

    private static final Set<String> FIELDS = Set.of("displayName", "favoriteStoreId");

    private final StrictJson json;
    private final Clock clock = Clock.systemUTC();

    ProfileParser(StrictJson json) {
        this.json = json;
    }

    public Profile parse(String identityId, byte[] body) {
        JsonNode object = json.object(body, "displayName (and optionally favoriteStoreId)");
        StrictJson.rejectUnknown(object, FIELDS, "");
        String displayName = StrictJson.text(object, "displayName", "displayName", 64);
        if (displayName == null) {
            throw StrictJson.invalid("displayName is required");
        }
        String store = StrictJson.text(object, "favoriteStoreId", "favoriteStoreId", 64);
        if (store != null && !store.matches("[A-Za-z0-9_-]+")) {
            throw StrictJson.invalid("favoriteStoreId must be letters, digits, _ or -");
        }
        return new Profile(identityId, displayName, store, clock.instant().toString());
    }
}
