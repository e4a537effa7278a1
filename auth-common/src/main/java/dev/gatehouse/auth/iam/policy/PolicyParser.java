package dev.gatehouse.auth.iam.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON of an identity policy into a {@link PolicyDocument}, checking the grammar of the
 * IAM policy language as it goes. Every problem, down to a number where a string belongs, becomes
 * an {@link InvalidPolicyException} naming the element.
 */
final class PolicyParser {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {}

    static PolicyDocument parse(String json) throws InvalidPolicyException {
        if (json == null || json.isBlank()) {
            throw new InvalidPolicyException("Policy document is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException(
                    "Policy document is not valid JSON: " + describe(e), e);
        }
        try {
            return document(root);
        } catch (RuntimeException e) {
            // Defence in depth: whatever slipped past the checks is still an invalid policy.
            throw new InvalidPolicyException("Policy document could not be read: " + e, e);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        return at == null
                ? message
                : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static PolicyDocument document(JsonNode root) throws InvalidPolicyException {
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException("Policy document must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DOCUMENT_ELEMENTS.contains(name)) {
                throw new InvalidPolicyException(
                        "Policy document has an unknown element '" + name + "'");
            }
        }
        String version = version(root.get("Version"));
        JsonNode id = root.get("Id");
        if (id != null && !id.isTextual()) {
            throw new InvalidPolicyException("Id must be a string");
        }
        boolean variables = version.equals(PolicyDocument.VERSION_2012_10_17);
        JsonNode statement = root.get("Statement");
        List<PolicyStatement> statements = new ArrayList<>();
        if (statement == null) {
            throw new InvalidPolicyException("Statement is required");
        } else if (statement.isObject()) {
            statements.add(statement(statement, "Statement", variables));
        } else if (statement.isArray() && !statement.isEmpty()) {
            for (int i = 0; i < statement.size(); i++) {
                statements.add(statement(statement.get(i), "Statement[" + i + "]", variables));
            }
        } else {
            throw new InvalidPolicyException(
                    "Statement must be an object or a non-empty array of objects");
        }
        return new PolicyDocument(version, statements);
    }

    private static String version(JsonNode node) throws InvalidPolicyException {
        if (node == null) {
            return PolicyDocument.VERSION_2008_10_17;
        }
        String text = node.isTextual() ? node.textValue() : "";
        if (!text.equals(PolicyDocument.VERSION_2012_10_17)
                && !text.equals(PolicyDocument.VERSION_2008_10_17)) {
            throw new InvalidPolicyException("Version must be 2012-10-17 or 2008-10-17");
        }
        return text;
    }

    private static PolicyStatement statement(JsonNode node, String path, boolean variables)
            throws InvalidPolicyException {
        if (!node.isObject()) {
            throw new InvalidPolicyException(path + " must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("Principal") || name.equals("NotPrincipal")) {
                throw new InvalidPolicyException(
                        path
                                + "."
                                + name
                                + " is not allowed in an identity policy: the principal is the"
                                + " identity the policy is attached to");
            }
            if (!STATEMENT_ELEMENTS.contains(name)) {
                throw new InvalidPolicyException(path + " has an unknown element '" + name + "'");
            }
        }
        JsonNode sid = node.get("Sid");
        if (sid != null && !sid.isTextual()) {
            throw new InvalidPolicyException(path + ".Sid must be a string");
        }
        Effect effect = effect(node.get("Effect"), path + ".Effect");
        boolean notAction = exactlyOne(node, path, "Action", "NotAction");
        String actionElement = notAction ? "NotAction" : "Action";
        List<WildcardPattern> actions = new ArrayList<>();
        for (Located action : strings(node.get(actionElement), path + "." + actionElement)) {
            actions.add(StatementPatterns.action(action.text(), action.path()));
        }
        boolean notResource = exactlyOne(node, path, "Resource", "NotResource");
        String resourceElement = notResource ? "NotResource" : "Resource";
        List<WildcardPattern> resources = new ArrayList<>();
        for (Located resource : strings(node.get(resourceElement), path + "." + resourceElement)) {
            resources.add(StatementPatterns.resource(resource.text(), resource.path(), variables));
        }
        JsonNode condition = node.get("Condition");
        List<Condition> conditions =
                condition == null
                        ? List.of()
                        : ConditionParser.parse(condition, path + ".Condition", variables);
        return new PolicyStatement(
                sid == null ? null : sid.textValue(),
                effect,
                actions,
                notAction,
                resources,
                notResource,
                conditions);
    }

    private static Effect effect(JsonNode node, String path) throws InvalidPolicyException {
        if (node == null) {
            throw new InvalidPolicyException(path + " is required");
        }
        String text = node.isTextual() ? node.textValue() : "";
        return switch (text) {
            case "Allow" -> Effect.ALLOW;
            case "Deny" -> Effect.DENY;
            default -> throw new InvalidPolicyException(path + " must be Allow or Deny");
        };
    }

    /** True when the statement uses the negated element; exactly one of the two must be there. */
    private static boolean exactlyOne(JsonNode node, String path, String element, String negated)
            throws InvalidPolicyException {
        boolean plain = node.has(element);
        boolean not = node.has(negated);
        if (plain == not) {
            throw new InvalidPolicyException(
                    path
                            + " must have exactly one of "
                            + element
                            + " and "
                            + negated
                            + (plain ? ", not both" : ""));
        }
        return not;
    }

    /** A string and where it came from, for messages. */
    private record Located(String text, String path) {}

    /** A string or a non-empty array of strings. */
    private static List<Located> strings(JsonNode node, String path) throws InvalidPolicyException {
        List<Located> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(new Located(node.textValue(), path));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isTextual()) {
                    throw new InvalidPolicyException(path + "[" + i + "] must be a string");
                }
                values.add(new Located(item.textValue(), path + "[" + i + "]"));
            }
        } else {
            throw new InvalidPolicyException(
                    path + " must be a string or a non-empty array of strings");
        }
        return values;
    }
}
