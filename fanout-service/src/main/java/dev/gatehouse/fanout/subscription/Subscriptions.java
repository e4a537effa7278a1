package dev.gatehouse.fanout.subscription;

import dev.gatehouse.fanout.config.FanoutConfig;
import dev.gatehouse.fanout.config.FanoutConfig.Subscription;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The configured subscriptions, checked once: a bad one stops the service from starting. */
@Startup
@ApplicationScoped
public class Subscriptions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SortedMap<String, Subscription> byName;
    private final Map<String, List<String>> namesByType = new HashMap<>();

    Subscriptions(FanoutConfig config) {
        this.byName = new TreeMap<>(config.subscriptions());
        byName.forEach((name, subscription) -> check(name, subscription, config.worker()));
        byName.forEach(
                (name, subscription) ->
                        namesByType
                                .computeIfAbsent(subscription.eventType(), t -> new ArrayList<>())
                                .add(name));
    }

    /** The names of the subscriptions to {@code type}, in name order; empty if none. */
    public List<String> namesFor(String type) {
        return namesByType.getOrDefault(type, List.of());
    }

    /** Every subscription by name. */
    public SortedMap<String, Subscription> all() {
        return byName;
    }

    private static void check(String name, Subscription s, FanoutConfig.Worker worker) {
        String key = "gatehouse.fanout.subscriptions." + name;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(
                    key + ": a subscription name is 1-64 letters, digits, '-' or '_'");
        }
        if (s.kind() == FanoutConfig.Kind.webhook) {
            URI url =
                    s.url()
                            .map(URI::create)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    key + ".url is required for a webhook"));
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
                    || url.getHost() == null) {
                throw new IllegalStateException(key + ".url must be an absolute http(s) URL");
            }
        }
        if (s.maxAttempts() < 1 || s.maxInFlight() < 1) {
            throw new IllegalStateException(
                    key + ": max-attempts and max-in-flight must be at least 1");
        }
        if (s.timeout().compareTo(worker.visibilityTimeout()) >= 0) {
            throw new IllegalStateException(
                    key
                            + ".timeout must be shorter than"
                            + " gatehouse.fanout.worker.visibility-timeout, or deliveries would be"
                            + " claimed while still in flight");
        }
    }
}
