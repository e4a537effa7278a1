package dev.gatehouse.identity.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.iam.policy.AuthorizationRequest;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import dev.gatehouse.auth.iam.policy.PolicyDecision;
import dev.gatehouse.auth.iam.policy.PolicyDocument;
import dev.gatehouse.auth.iam.policy.PolicyEvaluator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A role's trust policy ({@code AssumeRolePolicyDocument}): statements that name a {@code
 * Principal} ({@code "*"}, or {@code Federated} / {@code AWS} / {@code Service} values). Each
 * statement's principal is matched here; its action and conditions are evaluated by auth-common's
 * policy evaluator (the statement without its principal, on resource {@code *}), so condition keys
 * such as {@code cognito-identity.amazonaws.com:amr} with {@code ForAnyValue:StringLike} mean what
 * they mean in identity policies.
 */
public final class TrustPolicy {

    /** Who asks to assume the role. */
    public record Caller(String type, List<String> names) {

        /** A web identity from {@code cognito-identity.amazonaws.com} or an OIDC provider ARN. */
        public static Caller federated(String name) {
            return new Caller("Federated", List.of(name));
        }

        /** An IAM caller: its ARNs (user or role) and its account. */
        public static Caller aws(String principalArn, String accountId) {
            return new Caller(
                    "AWS", List.of(principalArn, "arn:aws:iam::" + accountId + ":root", accountId));
        }
    }

    private record Statement(
            boolean anyPrincipal, String type, List<String> names, PolicyDocument rest) {}

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private final List<Statement> statements;

    private TrustPolicy(List<Statement> statements) {
        this.statements = statements;
    }

    public static TrustPolicy parse(ObjectMapper json, String document)
            throws InvalidPolicyException {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (IOException e) {
            throw new InvalidPolicyException("the trust policy is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPolicyException("the trust policy must be a JSON object");
        }
        JsonNode listed = root.get("Statement");
        List<JsonNode> each = new ArrayList<>();
        if (listed != null && listed.isArray()) {
            listed.forEach(each::add);
        } else if (listed != null && listed.isObject()) {
            each.add(listed);
        } else {
            throw new InvalidPolicyException("the trust policy needs a Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : each) {
            statements.addAll(statement(json, root.path("Version").asText(null), statement));
        }
        return new TrustPolicy(List.copyOf(statements));
    }

    private static List<Statement> statement(ObjectMapper json, String version, JsonNode node)
            throws InvalidPolicyException {
        if (!node.isObject()) {
            throw new InvalidPolicyException("each trust policy statement must be an object");
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        JsonNode principal = rest.remove("Principal");
        if (principal == null) {
            throw new InvalidPolicyException("each trust policy statement needs a Principal");
        }
        rest.put("Resource", "*");
        ObjectNode document = json.createObjectNode();
        if (version != null) {
            document.put("Version", version);
        }
        document.set("Statement", json.createArrayNode().add(rest));
        PolicyDocument parsed = PolicyDocument.parse(document.toString());
        List<Statement> statements = new ArrayList<>();
        if (principal.isTextual() && principal.asText().equals("*")) {
            statements.add(new Statement(true, null, List.of(), parsed));
            return statements;
        }
        if (!principal.isObject()) {
            throw new InvalidPolicyException("Principal must be \"*\" or an object");
        }
        for (var entry : principal.properties()) {
            List<String> names = new ArrayList<>();
            if (entry.getValue().isArray()) {
                ((ArrayNode) entry.getValue()).forEach(v -> names.add(v.asText()));
            } else {
                names.add(entry.getValue().asText());
            }
            statements.add(new Statement(false, entry.getKey(), List.copyOf(names), parsed));
        }
        return statements;
    }

    /**
     * Whether the caller may perform {@code action} (e.g. {@code sts:AssumeRoleWithWebIdentity}).
     */
    public boolean allows(Caller caller, AuthorizationRequest request) {
        List<PolicyDocument> applicable = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.anyPrincipal()
                    || (statement.type().equals(caller.type())
                            && (statement.names().contains("*")
                                    || statement.names().stream()
                                            .anyMatch(caller.names()::contains)))) {
                applicable.add(statement.rest());
            }
        }
        return EVALUATOR.evaluate(applicable, request) == PolicyDecision.ALLOW;
    }
}
