package dev.gatehouse.auth.iam.credentials;

import dev.gatehouse.auth.api.Sha256;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Issues temporary credentials ({@code ASIA...} + secret + session token) for a configured
 * principal, as STS does for an assumed role (the caller becomes {@code
 * arn:aws:sts::<account>:assumed-role/<role>/<session>}) or for a user's session token (the caller
 * stays the user). They carry the principal's policies, are stored with a TTL, and after expiry are
 * refused with the expired-token message for an hour, then as unknown.
 */
public class TemporaryCredentials {

    /** The longest session STS issues (GetSessionToken: 36 hours; roles stop at 12). */
    public static final Duration MAX_DURATION = Duration.ofHours(36);

    /** How long an expired key is still recognised, to answer "expired" rather than "invalid". */
    static final Duration EXPIRED_GRACE = Duration.ofHours(1);

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final AccessKeyStore store;
    private final PrincipalCatalog catalog;
    private final Clock clock;

    public TemporaryCredentials(AccessKeyStore store, PrincipalCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param principal a configured principal's name
     * @param sessionName 2-64 of {@code [\w+=,.@-]}, as STS's {@code RoleSessionName}
     * @param duration 1 second to 36 hours
     * @throws IllegalArgumentException for an unknown principal, a bad name or duration
     */
    public Uni<SessionCredentials> issue(String principal, String sessionName, Duration duration) {
        return issue(principal, sessionName, duration, SessionAttributes.NONE);
    }

    /**
     * As {@link #issue(String, String, Duration)}, for a session that carries {@code session}'s
     * context keys and session policy (a web identity's credentials).
     */
    public Uni<SessionCredentials> issue(
            String principal, String sessionName, Duration duration, SessionAttributes session) {
        IamPrincipal owner =
                catalog.principal(principal)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown principal '" + principal + "'"));
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            throw new IllegalArgumentException(
                    "session name must be 2-64 characters of letters, digits and +=,.@_-");
        }
        if (duration.isNegative()
                || duration.compareTo(Duration.ofSeconds(1)) < 0
                || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be between 1 second and 36 hours");
        }
        String arn =
                owner.role()
                        ? "arn:aws:sts::"
                                + owner.accountId()
                                + ":assumed-role/"
                                + owner.simpleName()
                                + "/"
                                + sessionName
                        : owner.arn();
        String id = KeyMaterial.newAccessKeyId(KeyMaterial.TEMPORARY_PREFIX);
        String secret = KeyMaterial.newSecretAccessKey();
        String token = KeyMaterial.newSessionToken();
        Instant expiration = clock.instant().plus(duration).truncatedTo(ChronoUnit.SECONDS);
        AccessKey key =
                new AccessKey(
                        id, secret, owner.name(), arn, Sha256.hex(token), expiration, session);
        return store.put(key, duration.plus(EXPIRED_GRACE))
                .replaceWith(new SessionCredentials(id, secret, token, expiration, arn));
    }
}
