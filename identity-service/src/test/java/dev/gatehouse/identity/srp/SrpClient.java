package dev.gatehouse.identity.srp;

import java.math.BigInteger;
import java.util.Base64;

/**
 * The client half of Cognito's SRP, as AWS's clients compute it (spec 3.3), so tests can sign in
 * with USER_SRP_AUTH through the AWS SDK.
 */
public record SrpClient(String poolName, BigInteger a) {

    public BigInteger clientPublic() {
        return Srp.G.modPow(a, Srp.N);
    }

    public String signature(
            String userId,
            String password,
            String saltHex,
            String serverPublicHex,
            byte[] secretBlock,
            String timestamp) {
        BigInteger serverPublic = new BigInteger(serverPublicHex, 16);
        BigInteger u = Srp.scrambler(clientPublic(), serverPublic);
        BigInteger x = Srp.x(poolName, userId, password, new BigInteger(saltHex, 16));
        BigInteger secret =
                serverPublic
                        .subtract(Srp.K.multiply(Srp.G.modPow(x, Srp.N)))
                        .mod(Srp.N)
                        .modPow(a.add(u.multiply(x)), Srp.N);
        return Base64.getEncoder()
                .encodeToString(
                        Srp.signature(
                                Srp.derivedKey(secret, u),
                                poolName,
                                userId,
                                secretBlock,
                                timestamp));
    }
}
