package dev.gatehouse.identity.pool;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code SECRET_HASH} / {@code SecretHash} of clients with a secret (spec 2.10): required on every
 * call that names a user, Base64(HMAC-SHA256(secret, username + clientId)), accepted for any of the
 * names the call stands for (the one typed, or the internal username an alias resolves to, as AWS's
 * own clients recompute it). Clients without a secret ignore it. Cognito's exact errors otherwise.
 */
public final class SecretHashes {

    private SecretHashes() {}

    public static void check(AppClient client, Optional<String> hash, String... usernames) {
        if (client.secret().isEmpty()) {
            return;
        }
        String presented = hash.filter(h -> !h.isEmpty()).orElse(null);
        if (presented == null) {
            throw CognitoErrors.notAuthorized(
                    "Client "
                            + client.id()
                            + " is configured with secret but SECRET_HASH was not received");
        }
        ClientSecret secret = client.secret().get();
        for (String username : usernames) {
            if (username != null
                    && MessageDigest.isEqual(
                            secret.secretHash(username, client.id())
                                    .getBytes(StandardCharsets.UTF_8),
                            presented.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        throw CognitoErrors.notAuthorized("Unable to verify secret hash for client " + client.id());
    }
}
