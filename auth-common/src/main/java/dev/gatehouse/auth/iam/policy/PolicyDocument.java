package dev.gatehouse.auth.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AWS JSON identity policy, parsed and compiled once so that evaluating it on the request path
 * compiles nothing. Immutable and thread-safe.
 *
 * <pre>
 * {"Version": "2012-10-17",
 *  "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
 *                 "Resource": "arn:aws:execute-api:us-east-1:123456789012:apiid/prod/GET/stores/*"}]}
 * </pre>
 */
public final class PolicyDocument {

    /** The current policy language: policy variables ({@code ${aws:username}}) are recognised. */
    public static final String VERSION_2012_10_17 = "2012-10-17";

    /** The original language, and the default without a Version: {@code ${...}} is plain text. */
    public static final String VERSION_2008_10_17 = "2008-10-17";

    private final String version;
    private final PolicyStatement[] statements;
    private final List<PolicyStatement> statementList;
    private final boolean readsContext;

    PolicyDocument(String version, List<PolicyStatement> statements) {
        this.version = version;
        this.statements = statements.toArray(PolicyStatement[]::new);
        this.statementList = List.of(this.statements);
        this.readsContext = statements.stream().anyMatch(PolicyStatement::readsContext);
    }

    /**
     * Whether evaluating this policy reads the request context (a condition or a policy variable);
     * when none of a caller's policies does, the context need not be built.
     */
    public boolean readsContext() {
        return readsContext;
    }

    /**
     * Parses and validates a policy: {@code Version} (optional), {@code Id} (optional) and {@code
     * Statement} (an object or an array); per statement {@code Sid}, {@code Effect}, exactly one of
     * {@code Action}/{@code NotAction}, exactly one of {@code Resource}/{@code NotResource}, and
     * {@code Condition}. {@code Principal} is refused, as identity policies name no principal.
     *
     * @throws InvalidPolicyException for anything else, with a message naming the element at fault
     */
    public static PolicyDocument parse(String json) throws InvalidPolicyException {
        return PolicyParser.parse(json);
    }

    /**
     * This policy with every policy variable of an {@code Action} or {@code Resource} whose key has
     * exactly one value in {@code fixed} replaced by that value, for a caller whose request context
     * always holds {@code fixed} and lets it win over request keys ({@link RequestContext}, e.g. a
     * session's {@code ${cognito-identity.amazonaws.com:sub}}): evaluated against such a context it
     * decides exactly as this policy, and when nothing of it still reads the context it can be
     * evaluated without one. This very policy when nothing changes.
     *
     * @param fixed lower-case keys, as {@link RequestContext#normalized} returns them
     */
    public PolicyDocument boundTo(Map<String, List<String>> fixed) {
        List<PolicyStatement> bound = new ArrayList<>(statements.length);
        boolean changed = false;
        for (PolicyStatement statement : statements) {
            PolicyStatement b = statement.bind(fixed);
            changed |= b != statement;
            bound.add(b);
        }
        return changed ? new PolicyDocument(version, bound) : this;
    }

    /** The statements in document order. */
    public List<PolicyStatement> statements() {
        return statementList;
    }

    /** {@link #VERSION_2012_10_17} or {@link #VERSION_2008_10_17} (also when none was given). */
    public String version() {
        return version;
    }

    /** The statements without a List's indirection, for the evaluator's loop. */
    PolicyStatement[] statementArray() {
        return statements;
    }
}
