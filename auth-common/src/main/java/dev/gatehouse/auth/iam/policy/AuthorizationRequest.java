package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What is being asked of the policies: an action such as {@code execute-api:Invoke}, the resource
 * ARN such as {@code arn:aws:execute-api:us-east-1:123456789012:apiid/stage/GET/stores/42}, and the
 * request context the conditions read ({@code aws:SourceIp}, {@code aws:CurrentTime}, ...).
 *
 * <p>Context keys are case-insensitive in IAM: the record holds them lower-cased ({@code
 * aws:sourceip}, {@code aws:principaltag/team}), merging keys that differ only in case. A key with
 * no values counts as absent. Build one request per HTTP request and evaluate it as often as
 * needed.
 *
 * @param context key to values (no null values); single-valued keys ({@code aws:SourceIp}) hold one
 *     value, multivalued keys ({@code aws:TagKeys}) several
 */
public record AuthorizationRequest(
        String action, String resource, Map<String, List<String>> context) {

    public AuthorizationRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        if (!(context instanceof RequestContext)) { // already lower-cased and immutable
            context = RequestContext.normalized(context == null ? Map.of() : context);
        }
    }

    /** A request with an empty context. */
    public AuthorizationRequest(String action, String resource) {
        this(action, resource, Map.of());
    }

    /** The values of a context key (any case), or an empty list when the key is absent. */
    public List<String> values(String key) {
        List<String> values = context.get(key.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }
}
