package dev.gatehouse.auth.iam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host names signed requests may be addressed to ({@code gatehouse.iam.hosts}): a signature
 * binds the {@code Host} it was made for, and this says which hosts are this suite's. Empty: any.
 */
final class HostNames {

    private final Set<String> accepted;

    HostNames(Optional<List<String>> hosts) {
        this.accepted =
                hosts.orElse(List.of()).stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a request with this {@code Host} (port and case ignored) may be served. */
    boolean accepts(String hostHeader) {
        if (accepted.isEmpty()) {
            return true;
        }
        return hostHeader != null && accepted.contains(name(hostHeader.strip()));
    }

    /** {@code Example.com:443} as {@code example.com}, {@code [::1]:8080} as {@code [::1]}. */
    static String name(String host) {
        int colon = host.lastIndexOf(':');
        String name = colon > host.lastIndexOf(']') && colon >= 0 ? host.substring(0, colon) : host;
        return name.toLowerCase(Locale.ROOT);
    }
}
