package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.srp.SrpTimestamp;
import dev.gatehouse.identity.user.SimulatedUsers;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * USER_SRP_AUTH and its PASSWORD_VERIFIER answer (spec 3.4). Unknown users under
 * PreventUserExistenceErrors get a simulated challenge whose SALT and USER_ID_FOR_SRP are the same
 * every time for the same name and shaped like a real user's, then the generic failure, counted
 * toward a lockout of that name as a real user's failures are.
 */
@ApplicationScoped
public class SrpAuthentication {

    static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
    static final int MAXIMUM_SRP_A_LENGTH = 1024;

    private final UserPool pool;
    private final UserStore users;
    private final SignInUsers signIn;
    private final SrpChallenges challenges;
    private final NewPasswordChallenge newPassword;
    private final IdentityConfig.TokensConfig config;
    private final SimulatedUsers simulated;
    private final Clock clock = Clock.systemUTC();

    SrpAuthentication(
            UserPool pool,
            UserStore users,
            SignInUsers signIn,
            SrpChallenges challenges,
            NewPasswordChallenge newPassword,
            IdentityConfig config,
            SimulatedUsers simulated) {
        this.simulated = simulated;
        this.pool = pool;
        this.users = users;
        this.signIn = signIn;
        this.challenges = challenges;
        this.newPassword = newPassword;
        this.config = config.tokens();
    }

    Map<String, Object> start(AppClient client, Map<String, String> parameters) {
        String name = AuthParameters.required(parameters, "USERNAME");
        BigInteger clientPublic = parsePublic(AuthParameters.required(parameters, "SRP_A"));
        Optional<User> found = signIn.resolve(name);
        if (found.isEmpty() && !client.preventUserExistenceErrors()) {
            throw SignInUsers.unknown(client);
        }
        if (found.isPresent()) {
            signIn.checkMaySignIn(found.get(), client);
        } else {
            signIn.checkNotLocked(name);
        }
        BigInteger b = new BigInteger(1, RandomIds.bytes(32));
        String salt;
        String userId;
        BigInteger serverPublic;
        if (found.isPresent()) {
            User user = found.get();
            salt = user.salt();
            userId = user.username();
            serverPublic = Srp.serverPublic(new BigInteger(user.verifier(), 16), b);
        } else {
            salt = simulated.srpSalt(name);
            userId = simulated.srpUserId(name);
            serverPublic = Srp.serverPublic(new BigInteger(1, RandomIds.bytes(384)).mod(Srp.N), b);
        }
        byte[] secretBlock = RandomIds.bytes(1024);
        challenges.open(
                secretBlock,
                new SrpChallenges.Challenge(
                        found.map(User::username).orElse(name),
                        client.id(),
                        clientPublic.toString(16),
                        b.toString(16),
                        serverPublic.toString(16),
                        found.isEmpty()),
                config.authSessionValidity());
        return Members.of(
                "ChallengeName",
                PASSWORD_VERIFIER,
                "ChallengeParameters",
                Members.of(
                        "SALT", salt,
                        "SECRET_BLOCK", Base64.getEncoder().encodeToString(secretBlock),
                        "SRP_B", serverPublic.toString(16),
                        "USERNAME", userId,
                        "USER_ID_FOR_SRP", userId));
    }

    Map<String, Object> answer(AppClient client, Map<String, String> responses) {
        String secretBlockText = AuthParameters.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String claimed = AuthParameters.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = AuthParameters.required(responses, "TIMESTAMP");
        String name = AuthParameters.required(responses, "USERNAME");
        byte[] secretBlock = decode(secretBlockText);
        SrpChallenges.Challenge challenge =
                challenges.take(secretBlock).orElseThrow(CognitoErrors::incorrectCredentials);
        if (!challenge.clientId().equals(client.id())) {
            throw CognitoErrors.incorrectCredentials();
        }
        Optional<User> found =
                users.byUsername(challenge.username()).filter(u -> !challenge.simulated());
        if (found.isEmpty()) {
            // The simulated challenge of an unknown name: the same work, count and answer as a
            // wrong password of a real user.
            signIn.checkNotLocked(challenge.username());
            proofCost(challenge);
            signIn.failed(challenge.username());
            throw CognitoErrors.incorrectCredentials();
        }
        User user = found.get();
        if (!sameUser(name, user)) {
            throw CognitoErrors.incorrectCredentials();
        }
        signIn.checkMaySignIn(user, client);
        if (!timely(timestamp)
                || !signatureMatches(user, challenge, secretBlock, timestamp, claimed)) {
            signIn.failed(user);
            throw CognitoErrors.incorrectCredentials();
        }
        signIn.checkConfirmedOnceProven(user, client);
        signIn.succeeded(user);
        return newPassword.signedIn(user, client);
    }

    private boolean signatureMatches(
            User user,
            SrpChallenges.Challenge challenge,
            byte[] secretBlock,
            String timestamp,
            String claimed) {
        BigInteger clientPublic = new BigInteger(challenge.clientPublic(), 16);
        BigInteger serverPublic = new BigInteger(challenge.serverPublic(), 16);
        BigInteger u = Srp.scrambler(clientPublic, serverPublic);
        if (u.signum() == 0) {
            return false;
        }
        BigInteger secret =
                Srp.serverSecret(
                        clientPublic,
                        new BigInteger(user.verifier(), 16),
                        u,
                        new BigInteger(challenge.serverSecret(), 16));
        byte[] expected =
                Srp.signature(
                        Srp.derivedKey(secret, u),
                        pool.poolName(),
                        user.username(),
                        secretBlock,
                        timestamp);
        byte[] actual;
        try {
            actual = Base64.getDecoder().decode(claimed);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** The exponentiation a real proof costs, spent on a simulated challenge. */
    private static void proofCost(SrpChallenges.Challenge challenge) {
        BigInteger clientPublic = new BigInteger(challenge.clientPublic(), 16);
        BigInteger u = Srp.scrambler(clientPublic, new BigInteger(challenge.serverPublic(), 16));
        Srp.serverSecret(
                clientPublic,
                new BigInteger(1, RandomIds.bytes(384)).mod(Srp.N),
                u,
                new BigInteger(challenge.serverSecret(), 16));
    }

    /** Clients echo USERNAME, USER_ID_FOR_SRP or the alias they typed: accept each. */
    private boolean sameUser(String name, User user) {
        if (UserKeys.fold(name).equals(UserKeys.fold(user.username()))) {
            return true;
        }
        return users.resolve(name).map(u -> u.sub().equals(user.sub())).orElse(false);
    }

    private boolean timely(String timestamp) {
        Optional<Instant> at = SrpTimestamp.parse(timestamp);
        if (at.isEmpty()) {
            return false;
        }
        Duration offset = Duration.between(at.get(), clock.instant()).abs();
        return offset.compareTo(config.timestampSkew()) <= 0;
    }

    /**
     * {@code SRP_A}: a hex number in (0, N), as every client computes it (g^a mod N); anything
     * longer than N's 768 hex digits (with some room for zero padding) is refused before parsing.
     */
    private static BigInteger parsePublic(String hex) {
        if (hex.length() > MAXIMUM_SRP_A_LENGTH) {
            throw CognitoErrors.invalidParameter("Invalid SRP_A");
        }
        try {
            BigInteger value = new BigInteger(hex, 16);
            if (value.signum() <= 0 || value.compareTo(Srp.N) >= 0) {
                throw CognitoErrors.invalidParameter("Invalid SRP_A");
            }
            return value;
        } catch (NumberFormatException e) {
            throw CognitoErrors.invalidParameter("Invalid SRP_A");
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw CognitoErrors.incorrectCredentials();
        }
    }
}
