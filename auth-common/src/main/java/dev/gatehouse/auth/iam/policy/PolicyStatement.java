package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * One compiled statement of an identity policy: its effect, the actions and resources it names (or
 * excludes, with {@code NotAction} / {@code NotResource}) and its conditions. Immutable and
 * thread-safe; built only by {@link PolicyDocument#parse}.
 */
public final class PolicyStatement {

    private final String sid;
    private final Effect effect;
    private final WildcardPattern[] actions;
    private final boolean notAction;
    private final WildcardPattern[] resources;
    private final boolean notResource;
    private final Condition[] conditions;

    PolicyStatement(
            String sid,
            Effect effect,
            List<WildcardPattern> actions,
            boolean notAction,
            List<WildcardPattern> resources,
            boolean notResource,
            List<Condition> conditions) {
        this.sid = sid;
        this.effect = effect;
        this.actions = actions.toArray(WildcardPattern[]::new);
        this.notAction = notAction;
        this.resources = resources.toArray(WildcardPattern[]::new);
        this.notResource = notResource;
        this.conditions = conditions.toArray(Condition[]::new);
    }

    /** Whether deciding needs the request context: a condition, or a policy variable. */
    boolean readsContext() {
        if (conditions.length > 0) {
            return true;
        }
        for (WildcardPattern pattern : actions) {
            if (pattern.hasVariables()) {
                return true;
            }
        }
        for (WildcardPattern pattern : resources) {
            if (pattern.hasVariables()) {
                return true;
            }
        }
        return false;
    }

    /**
     * This statement with the policy variables of its actions and resources bound to the values
     * {@code fixed} holds ({@link WildcardPattern#bind}); conditions are kept as they are. This
     * very statement when nothing changes.
     */
    PolicyStatement bind(Map<String, List<String>> fixed) {
        WildcardPattern[] boundActions = bind(actions, fixed);
        WildcardPattern[] boundResources = bind(resources, fixed);
        if (boundActions == actions && boundResources == resources) {
            return this;
        }
        return new PolicyStatement(
                sid,
                effect,
                List.of(boundActions),
                notAction,
                List.of(boundResources),
                notResource,
                List.of(conditions));
    }

    private static WildcardPattern[] bind(
            WildcardPattern[] patterns, Map<String, List<String>> fixed) {
        WildcardPattern[] bound = patterns;
        for (int i = 0; i < patterns.length; i++) {
            WildcardPattern pattern = patterns[i].bind(fixed);
            if (pattern != patterns[i]) {
                if (bound == patterns) {
                    bound = patterns.clone();
                }
                bound[i] = pattern;
            }
        }
        return bound;
    }

    /** The statement's {@code Sid}, or null when it has none. */
    public String sid() {
        return sid;
    }

    public Effect effect() {
        return effect;
    }

    /**
     * Whether the statement applies to the request: its action is covered by {@code Action} (or not
     * excluded by {@code NotAction}), its resource by {@code Resource} (or not excluded by {@code
     * NotResource}), and every condition holds. A {@code NotResource} whose policy variable has no
     * value in the request makes the statement not apply.
     */
    public boolean appliesTo(AuthorizationRequest request) {
        Map<String, List<String>> context = request.context();
        if (matchesAny(actions, request.action(), context) == notAction) {
            return false;
        }
        if (notResource) {
            for (WildcardPattern resource : resources) {
                if (!resource.resolves(context) || resource.matches(request.resource(), context)) {
                    return false;
                }
            }
        } else if (!matchesAny(resources, request.resource(), context)) {
            return false;
        }
        for (Condition condition : conditions) {
            if (!condition.matches(context)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(
            WildcardPattern[] patterns, String value, Map<String, List<String>> context) {
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(value, context)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (sid == null ? "" : sid + ": ")
                + effect
                + (notAction ? " NotAction " : " Action ")
                + List.of(actions)
                + (notResource ? " NotResource " : " Resource ")
                + List.of(resources)
                + (conditions.length == 0 ? "" : " Condition " + List.of(conditions));
    }
}
