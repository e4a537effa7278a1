package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.usageplan.ApiKeyHash;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ImportApiKeys} ({@code POST /apikeys?mode=import&format=csv}): columns {@code Name} and
 * {@code Key} required, {@code Description}, {@code Enabled} and {@code UsagePlanIds} optional,
 * headers case-insensitive in any order, unknown columns ignored. A row whose value already exists
 * overwrites that key. Bad rows are warnings; with {@code failonwarnings=true} any warning refuses
 * the whole import and nothing changes. All good rows commit at once.
 */
public class ApiKeyImport {

    static final int MAX_ROWS = 1000;

    private final ControlPlaneStore store;
    private final ApiKeyRecords records;
    private final ApiKeyValueSeal seal;
    private final ObjectMapper json;

    public ApiKeyImport(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        this.store = store;
        this.records = records;
        this.seal = seal;
        this.json = json;
    }

    record Row(
            int line,
            String name,
            String value,
            String description,
            boolean enabled,
            List<String> planIds) {}

    public Uni<ObjectNode> importCsv(
            String format, boolean failOnWarnings, String csv, String caller) {
        if (!"csv".equals(format)) {
            throw ControlPlaneException.badRequest("Invalid format specified: must be csv");
        }
        List<String> warnings = new ArrayList<>();
        List<Row> rows = rows(csv == null ? "" : csv, warnings);
        return ControlPlaneStore.retrying(() -> attempt(rows, warnings, failOnWarnings, caller))
                .flatMap(
                        result ->
                                records.sync(result.targets())
                                        .replaceWith(
                                                () -> {
                                                    ObjectNode node = json.createObjectNode();
                                                    var ids = node.putArray("ids");
                                                    result.ids().forEach(ids::add);
                                                    var w = node.putArray("warnings");
                                                    result.warnings().forEach(w::add);
                                                    return node;
                                                }));
    }

    record Result(List<String> ids, List<String> warnings, List<ApiKeyRecords.Target> targets) {}

    static List<Row> rows(String csv, List<String> warnings) {
        List<List<String>> lines = Csv.parse(csv);
        if (lines.isEmpty()) {
            throw ControlPlaneException.badRequest("Invalid API key import: the CSV is empty");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("name") || !columns.containsKey("key")) {
            throw ControlPlaneException.badRequest(
                    "Invalid API key import: the header must name the columns Name and Key");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw ControlPlaneException.limitExceeded(
                    "At most " + MAX_ROWS + " API keys per import");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> line = lines.get(n);
            int lineNo = n + 1;
            String name = cell(line, columns.get("name"));
            String value = cell(line, columns.get("key"));
            String description = cell(line, columns.get("description"));
            String enabled = cell(line, columns.get("enabled"));
            String plans = cell(line, columns.get("usageplanids"));
            if (value == null || !ApiKeys.VALUE.matcher(value).matches()) {
                warnings.add("Invalid API key value at line " + lineNo);
            } else if (name == null || name.isEmpty() || name.length() > ApiKeys.MAX_NAME) {
                warnings.add("Invalid API key name at line " + lineNo);
            } else if (enabled != null
                    && !enabled.isEmpty()
                    && !enabled.equalsIgnoreCase("true")
                    && !enabled.equalsIgnoreCase("false")) {
                warnings.add("Invalid Enabled value at line " + lineNo);
            } else if (!values.add(value)) {
                warnings.add("Duplicate API key value at line " + lineNo);
            } else {
                List<String> planIds = new ArrayList<>();
                if (plans != null) {
                    for (String p : plans.split(",")) {
                        if (!p.isBlank()) {
                            planIds.add(p.strip());
                        }
                    }
                }
                rows.add(
                        new Row(
                                lineNo,
                                name,
                                value,
                                description,
                                enabled == null
                                        || enabled.isEmpty()
                                        || Boolean.parseBoolean(enabled),
                                planIds));
            }
        }
        return rows;
    }

    private static String cell(List<String> line, Integer column) {
        if (column == null || column >= line.size()) {
            return null;
        }
        return line.get(column).strip();
    }

    private Uni<Result> attempt(
            List<Row> rows, List<String> parseWarnings, boolean failOnWarnings, String caller) {
        List<String> shas = rows.stream().map(r -> ApiKeyHash.sha256(r.value())).toList();
        return store.version()
                .flatMap(
                        version ->
                                store.keyIdsOfValues(shas)
                                        .flatMap(
                                                existingIds ->
                                                        store.keys(existingIds.values())
                                                                .flatMap(
                                                                        existing ->
                                                                                store.allPlans()
                                                                                        .flatMap(
                                                                                                plans ->
                                                                                                        commit(
                                                                                                                version,
                                                                                                                rows,
                                                                                                                parseWarnings,
                                                                                                                failOnWarnings,
                                                                                                                existingIds,
                                                                                                                existing,
                                                                                                                plans,
                                                                                                                caller)))));
    }

    private Uni<Result> commit(
            long version,
            List<Row> rows,
            List<String> parseWarnings,
            boolean failOnWarnings,
            Map<String, String> idBySha,
            Map<String, StoredApiKey> existing,
            List<StoredUsagePlan> allPlans,
            String caller) {
        List<String> warnings = new ArrayList<>(parseWarnings);
        Map<String, StoredUsagePlan> plans = new LinkedHashMap<>();
        allPlans.forEach(p -> plans.put(p.id(), p));
        Map<String, StoredApiKey> keys = new LinkedHashMap<>(existing);
        List<String> ids = new ArrayList<>();
        List<ApiKeyRecords.Target> targets = new ArrayList<>();
        ControlPlaneStore.Write write = store.write();
        long now = Instant.now().getEpochSecond();
        for (Row row : rows) {
            String sha = ApiKeyHash.sha256(row.value());
            StoredApiKey old = keys.get(idBySha.get(sha));
            String id = old == null ? ApiKeyHash.newId() : old.id();
            List<String> memberOf = new ArrayList<>(old == null ? List.of() : old.usagePlanIds());
            String warning = null;
            for (String planId : row.planIds()) {
                StoredUsagePlan plan = plans.get(planId);
                if (plan == null) {
                    warning = "Invalid usage plan " + planId + " at line " + row.line();
                    break;
                }
                if (memberOf.contains(planId)) {
                    continue;
                }
                try {
                    for (String other : memberOf) {
                        UsagePlanKeys.checkStages(plan, plans.get(other), id);
                    }
                } catch (ControlPlaneException e) {
                    warning = e.getMessage() + " at line " + row.line();
                    break;
                }
                memberOf.add(planId);
            }
            if (warning == null && memberOf.size() > UsagePlanKeys.MAX_PLANS_PER_KEY) {
                warning = "Too many usage plans at line " + row.line();
            }
            if (warning != null) {
                warnings.add(warning);
                continue;
            }
            for (String planId : memberOf) {
                StoredUsagePlan plan = plans.get(planId);
                if (!plan.keyIds().contains(id)) {
                    List<String> members = new ArrayList<>(plan.keyIds());
                    members.add(id);
                    plans.put(planId, plan.withKeys(members));
                    write.put(plans.get(planId));
                }
            }
            StoredApiKey key =
                    new StoredApiKey(
                            id,
                            row.name(),
                            row.description() == null || row.description().isEmpty()
                                    ? (old == null ? null : old.description())
                                    : row.description(),
                            row.enabled(),
                            old == null ? null : old.customerId(),
                            old == null ? now : old.createdDate(),
                            now,
                            sha,
                            old != null && old.sealedValue() != null
                                    ? old.sealedValue()
                                    : seal.seal(id, row.value()),
                            old == null ? StoredApiKey.API : old.source(),
                            memberOf,
                            old == null ? Map.of() : old.tags());
            keys.put(id, key);
            write.put(key).claimValue(sha, id);
            ids.add(id);
            targets.add(new ApiKeyRecords.Target(id, sha));
        }
        if (failOnWarnings && !warnings.isEmpty()) {
            throw ControlPlaneException.badRequest(
                    "Invalid API key import: " + String.join("; ", warnings));
        }
        if (write.isEmpty()) {
            return Uni.createFrom().item(new Result(ids, warnings, targets));
        }
        if (keys.size() > ApiKeys.MAX_KEYS) {
            throw ControlPlaneException.limitExceeded(
                    "Cannot create more than " + ApiKeys.MAX_KEYS + " API keys");
        }
        return store.commit(version, write, caller, "ImportApiKeys", String.join(",", ids))
                .replaceWith(new Result(ids, warnings, targets));
    }
}
