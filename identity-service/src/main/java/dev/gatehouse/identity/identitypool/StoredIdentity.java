package dev.gatehouse.identity.identitypool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An identity record as read from Redis: the identity, its revision (the link script refuses a
 * change based on an older one) and its linked logins by digest.
 */
record StoredIdentity(Identity identity, String rev, List<Link> links) {

    /** A linked login: the digest of its provider and subject, and the provider. */
    record Link(String digest, String provider) {}

    static StoredIdentity of(String poolId, String identityId, Map<String, String> record) {
        List<Link> links = parse(record.getOrDefault("links", ""));
        Identity identity =
                new Identity(
                        identityId,
                        poolId,
                        links.stream().map(Link::provider).toList(),
                        Instant.ofEpochMilli(Long.parseLong(record.get("created"))),
                        Instant.ofEpochMilli(Long.parseLong(record.get("modified"))),
                        Optional.ofNullable(record.get("merged")));
        return new StoredIdentity(identity, record.getOrDefault("rev", "0"), links);
    }

    /** {@code <digest> <provider>} entries joined by newlines, as the link script writes them. */
    static List<Link> parse(String links) {
        List<Link> parsed = new ArrayList<>();
        for (String entry : links.split("\n")) {
            int space = entry.indexOf(' ');
            if (space > 0) {
                parsed.add(new Link(entry.substring(0, space), entry.substring(space + 1)));
            }
        }
        return parsed;
    }
}
