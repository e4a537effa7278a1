package dev.gatehouse.identity.group;

import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code Limit} and {@code NextToken} of the list operations. Lists are read in the order of their
 * sorted set (folded group names, or subs), so a token is the last entry returned: base64url, so it
 * matches the model's {@code [\S]+}. An absent or zero {@code Limit} means 60, the most the model
 * allows (UNVERIFIED: AWS documents no default for these operations).
 */
record Paging(int limit, Optional<String> after) {

    static Paging of(CognitoRequest request) {
        Optional<Integer> limit = request.integer("Limit");
        Optional<String> token = request.optional("NextToken");
        new GroupRules().limit(limit).nextToken(token).check();
        int size = limit.filter(l -> l > 0).orElse(GroupRules.MOST_LISTED);
        return new Paging(size, token.map(Paging::decode));
    }

    /** One page of {@code entries} read with one extra entry past {@link #limit()}. */
    record Page<T>(List<T> entries, Optional<String> nextToken) {}

    Page<String> page(List<String> readPlusOne) {
        if (readPlusOne.size() <= limit) {
            return new Page<>(readPlusOne, Optional.empty());
        }
        List<String> entries = readPlusOne.subList(0, limit);
        return new Page<>(entries, Optional.of(encode(entries.get(limit - 1))));
    }

    static String encode(String entry) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(entry.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String entry = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (entry.isEmpty() || !encode(entry).equals(token)) {
                throw new IllegalArgumentException("not a token of ours");
            }
            return entry;
        } catch (IllegalArgumentException e) {
            // UNVERIFIED wording: AWS answers a forged token with InvalidParameterException.
            throw CognitoErrors.invalidParameter("Invalid pagination token.");
        }
    }
}
