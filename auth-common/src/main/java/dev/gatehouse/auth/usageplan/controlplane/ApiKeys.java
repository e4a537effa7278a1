package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.usageplan.ApiKeyHash;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore.ValueTaken;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's API key operations ({@code CreateApiKey}, {@code GetApiKey}, {@code GetApiKeys}, {@code
 * UpdateApiKey}, {@code DeleteApiKey}) over the control-plane store; every write commits
 * atomically, is audited, and brings the key's record (what requests are decided on) up to date
 * before it answers.
 */
public class ApiKeys {

    /** AWS: 20 to 128 characters; '-' and '_' accepted as the configuration file accepts them. */
    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{20,128}");

    static final int MAX_NAME = 1024;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_KEYS = 10_000;

    private final ControlPlaneStore store;
    private final ApiKeyRecords records;
    private final ApiKeyValueSeal seal;
    private final ObjectMapper json;

    public ApiKeys(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        this.store = store;
        this.records = records;
        this.seal = seal;
        this.json = json;
    }

    /** What a new key is made of, validated. */
    record NewKey(
            String name,
            String description,
            boolean enabled,
            String customerId,
            String value,
            Map<String, String> tags) {}

    public Uni<ObjectNode> create(JsonNode body, String caller) {
        NewKey key = newKey(body);
        return ControlPlaneStore.retrying(() -> createOnce(key, caller))
                .flatMap(
                        created ->
                                records.sync(
                                                List.of(
                                                        new ApiKeyRecords.Target(
                                                                created.id(), created.sha256())))
                                        .replaceWith(view(created, key.value())));
    }

    NewKey newKey(JsonNode body) {
        String value = text(body, "value", 0);
        if (value == null || value.isEmpty()) {
            value = ApiKeyHash.newValue();
        } else if (!VALUE.matcher(value).matches()) {
            throw ControlPlaneException.badRequest(
                    "API Key value should be at least 20 and at most 128 characters of A-Z, a-z,"
                            + " 0-9, '-' or '_'");
        }
        return new NewKey(
                text(body, "name", MAX_NAME),
                text(body, "description", MAX_DESCRIPTION),
                body != null && body.path("enabled").asBoolean(false),
                text(body, "customerId", MAX_NAME),
                value,
                tags(body));
    }

    private Uni<StoredApiKey> createOnce(NewKey key, String caller) {
        return store.version()
                .flatMap(
                        version ->
                                store.keyCount()
                                        .flatMap(
                                                count -> {
                                                    if (count >= MAX_KEYS) {
                                                        throw ControlPlaneException.limitExceeded(
                                                                "Cannot create more than "
                                                                        + MAX_KEYS
                                                                        + " API keys");
                                                    }
                                                    StoredApiKey created = stored(key);
                                                    ControlPlaneStore.Write write =
                                                            store.write()
                                                                    .put(created)
                                                                    .claimValue(
                                                                            created.sha256(),
                                                                            created.id());
                                                    return store.commit(
                                                                    version,
                                                                    write,
                                                                    caller,
                                                                    "CreateApiKey",
                                                                    created.id())
                                                            .replaceWith(created);
                                                }))
                .onFailure(ValueTaken.class)
                .transform(e -> ControlPlaneException.conflict("API Key already exists"));
    }

    StoredApiKey stored(NewKey key) {
        long now = Instant.now().getEpochSecond();
        String id = ApiKeyHash.newId();
        return new StoredApiKey(
                id,
                key.name(),
                key.description(),
                key.enabled(),
                key.customerId(),
                now,
                now,
                ApiKeyHash.sha256(key.value()),
                seal.seal(id, key.value()),
                StoredApiKey.API,
                List.of(),
                key.tags());
    }

    public Uni<ObjectNode> get(String id, boolean includeValue) {
        return store.key(id)
                .map(key -> view(key.orElseThrow(ControlPlaneException::noSuchKey), includeValue));
    }

    public Uni<ObjectNode> list(
            String nameQuery,
            String customerId,
            boolean includeValues,
            String position,
            String limit) {
        int size = Paging.limit(limit);
        return store.allKeys()
                .map(
                        all -> {
                            List<StoredApiKey> matching =
                                    all.stream()
                                            .filter(
                                                    k ->
                                                            nameQuery == null
                                                                    || (k.name() != null
                                                                            && k.name()
                                                                                    .startsWith(
                                                                                            nameQuery)))
                                            .filter(
                                                    k ->
                                                            customerId == null
                                                                    || customerId.equals(
                                                                            k.customerId()))
                                            .sorted(Comparator.comparing(StoredApiKey::id))
                                            .toList();
                            return Paging.page(
                                    json,
                                    matching,
                                    StoredApiKey::id,
                                    position,
                                    size,
                                    k -> view(k, includeValues));
                        });
    }

    public Uni<ObjectNode> update(String id, JsonNode body, String caller) {
        List<PatchOperation> ops = PatchOperation.listFrom(body);
        return ControlPlaneStore.retrying(
                        () ->
                                store.read(List.of(id), List.of())
                                        .flatMap(
                                                snapshot -> {
                                                    StoredApiKey key = snapshot.keys().get(id);
                                                    if (key == null) {
                                                        throw ControlPlaneException.noSuchKey();
                                                    }
                                                    StoredApiKey updated = patched(key, ops);
                                                    return store.commit(
                                                                    snapshot.version(),
                                                                    store.write().put(updated),
                                                                    caller,
                                                                    "UpdateApiKey",
                                                                    id)
                                                            .replaceWith(updated);
                                                }))
                .flatMap(
                        updated ->
                                records.sync(
                                                List.of(
                                                        new ApiKeyRecords.Target(
                                                                id, updated.sha256())))
                                        .replaceWith(view(updated, false)));
    }

    static StoredApiKey patched(StoredApiKey key, List<PatchOperation> ops) {
        String name = key.name();
        String description = key.description();
        String customerId = key.customerId();
        boolean enabled = key.enabled();
        for (PatchOperation op : ops) {
            if (!op.op().equals("replace")) {
                throw op.unsupported();
            }
            switch (op.path()) {
                case "/enabled" -> {
                    String v = op.required();
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw ControlPlaneException.badRequest(
                                "Invalid value for enabled: must be true or false");
                    }
                    enabled = Boolean.parseBoolean(v);
                }
                case "/name" -> name = limited("name", op.value(), MAX_NAME);
                case "/description" ->
                        description = limited("description", op.value(), MAX_DESCRIPTION);
                case "/customerId" -> customerId = limited("customerId", op.value(), MAX_NAME);
                default -> throw op.unsupported();
            }
        }
        return new StoredApiKey(
                key.id(),
                name,
                description,
                enabled,
                customerId,
                key.createdDate(),
                Instant.now().getEpochSecond(),
                key.sha256(),
                key.sealedValue(),
                key.source(),
                key.usagePlanIds(),
                key.tags());
    }

    public Uni<Void> delete(String id, String caller) {
        return ControlPlaneStore.retrying(
                        () ->
                                store.key(id)
                                        .flatMap(
                                                found -> {
                                                    StoredApiKey key =
                                                            found.orElseThrow(
                                                                    ControlPlaneException
                                                                            ::noSuchKey);
                                                    return store.read(
                                                                    List.of(id), key.usagePlanIds())
                                                            .flatMap(
                                                                    s -> deleteOnce(s, id, caller));
                                                }))
                .flatMap(key -> records.sync(List.of(new ApiKeyRecords.Target(id, key.sha256()))));
    }

    private Uni<StoredApiKey> deleteOnce(
            ControlPlaneStore.Snapshot snapshot, String id, String caller) {
        StoredApiKey key = snapshot.keys().get(id);
        if (key == null) {
            throw ControlPlaneException.noSuchKey();
        }
        ControlPlaneStore.Write write = store.write().deleteKey(id).releaseValue(key.sha256(), id);
        for (StoredUsagePlan plan : snapshot.plans().values()) {
            List<String> keys = new ArrayList<>(plan.keyIds());
            keys.remove(id);
            write.put(plan.withKeys(keys));
        }
        return store.commit(snapshot.version(), write, caller, "DeleteApiKey", id).replaceWith(key);
    }

    /** AWS's {@code ApiKey} shape; the value only when asked for and kept. */
    ObjectNode view(StoredApiKey key, boolean includeValue) {
        return view(key, includeValue ? seal.open(key.id(), key.sealedValue()).orElse(null) : null);
    }

    ObjectNode view(StoredApiKey key, String value) {
        ObjectNode node = json.createObjectNode();
        node.put("id", key.id());
        if (value != null) {
            node.put("value", value);
        }
        if (key.name() != null) {
            node.put("name", key.name());
        }
        if (key.customerId() != null) {
            node.put("customerId", key.customerId());
        }
        if (key.description() != null) {
            node.put("description", key.description());
        }
        node.put("enabled", key.enabled());
        node.put("createdDate", key.createdDate());
        node.put("lastUpdatedDate", key.lastUpdatedDate());
        ArrayNode stageKeys = node.putArray("stageKeys");
        stageKeys.size();
        ObjectNode tags = node.putObject("tags");
        key.tags().forEach(tags::put);
        return node;
    }

    static String text(JsonNode body, String field, int max) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ControlPlaneException.badRequest("Invalid value for " + field + ": not a string");
        }
        return max > 0 ? limited(field, node.asText(), max) : node.asText();
    }

    static String limited(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ControlPlaneException.badRequest(
                    field + " must be at most " + max + " characters long");
        }
        return value;
    }

    static Map<String, String> tags(JsonNode body) {
        JsonNode node = body == null ? null : body.get("tags");
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isObject() || node.size() > 50) {
            throw ControlPlaneException.badRequest("tags must be a map of at most 50 entries");
        }
        node.fields()
                .forEachRemaining(
                        e -> {
                            if (e.getKey().length() > 128 || e.getValue().asText().length() > 256) {
                                throw ControlPlaneException.badRequest(
                                        "A tag key is at most 128 and a value at most 256"
                                                + " characters");
                            }
                            tags.put(e.getKey(), e.getValue().asText());
                        });
        return tags;
    }
}
