package dev.gatehouse.auth.iam.policy;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request context that is already in {@link AuthorizationRequest}'s shape (lower-case keys, no
 * empty values, immutable), built from a part fixed per caller (principal and session keys,
 * normalised once with {@link #normalized}) and the request's own global keys ({@code
 * aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:SourceIp}, {@code aws:SecureTransport},
 * {@code aws:UserAgent}, {@code aws:Referer}), whose values are made only when a policy reads them.
 * A key of the fixed part wins over a request key of the same name.
 */
public final class RequestContext extends AbstractMap<String, List<String>> {

    private final Map<String, List<String>> fixed;
    private final Instant now;
    private final String sourceIp;
    private final boolean secureTransport;
    private final String userAgent;
    private final String referer;
    private Map<String, List<String>> all;

    private RequestContext(
            Map<String, List<String>> fixed,
            Instant now,
            String sourceIp,
            boolean secureTransport,
            String userAgent,
            String referer) {
        this.fixed = fixed;
        this.now = now;
        this.sourceIp = sourceIp;
        this.secureTransport = secureTransport;
        this.userAgent = userAgent;
        this.referer = referer;
    }

    /**
     * @param fixed the caller's keys, as {@link #normalized} returned them
     * @param sourceIp the client's address, or null
     * @param userAgent the {@code User-Agent} header, or null (then absent)
     * @param referer the {@code Referer} header, or null (then absent)
     */
    public static RequestContext of(
            Map<String, List<String>> fixed,
            Instant now,
            String sourceIp,
            boolean secureTransport,
            String userAgent,
            String referer) {
        return new RequestContext(fixed, now, sourceIp, secureTransport, userAgent, referer);
    }

    /**
     * Keys lower-cased (keys that differ only in case merged), keys without values dropped, values
     * copied: the immutable map {@link AuthorizationRequest} holds.
     */
    public static Map<String, List<String>> normalized(Map<String, List<String>> context) {
        Map<String, List<String>> lower = new HashMap<>(context.size() * 2);
        for (Map.Entry<String, List<String>> entry : context.entrySet()) {
            List<String> values = entry.getValue();
            if (entry.getKey() == null || values == null || values.isEmpty()) {
                continue;
            }
            lower.merge(
                    entry.getKey().toLowerCase(Locale.ROOT),
                    List.copyOf(values),
                    (a, b) -> {
                        List<String> both = new ArrayList<>(a);
                        both.addAll(b);
                        return List.copyOf(both);
                    });
        }
        return Map.copyOf(lower);
    }

    @Override
    public List<String> get(Object key) {
        List<String> values = fixed.get(key);
        return values != null || !(key instanceof String name) ? values : requestValue(name);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    private List<String> requestValue(String key) {
        return switch (key) {
            case "aws:currenttime" -> List.of(now.toString());
            case "aws:epochtime" -> List.of(Long.toString(now.getEpochSecond()));
            case "aws:sourceip" -> sourceIp == null ? null : List.of(sourceIp);
            case "aws:securetransport" -> List.of(Boolean.toString(secureTransport));
            case "aws:useragent" -> userAgent == null ? null : List.of(userAgent);
            case "aws:referer" -> referer == null ? null : List.of(referer);
            default -> null;
        };
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        if (all == null) {
            Map<String, List<String>> every = new LinkedHashMap<>();
            for (String key :
                    List.of(
                            "aws:currenttime",
                            "aws:epochtime",
                            "aws:sourceip",
                            "aws:securetransport",
                            "aws:useragent",
                            "aws:referer")) {
                List<String> values = requestValue(key);
                if (values != null) {
                    every.put(key, values);
                }
            }
            every.putAll(fixed);
            all = Map.copyOf(every);
        }
        return all.entrySet();
    }
}
