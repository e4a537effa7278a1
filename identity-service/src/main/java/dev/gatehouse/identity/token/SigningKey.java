package dev.gatehouse.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * One RS256 key of the pool. Its {@code kid} is the standard base64 of the SHA-256 of the public
 * key (44 characters ending in {@code =}, the shape of Cognito's kids).
 */
public record SigningKey(String kid, KeyPair pair) {

    static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    public byte[] sign(String signingInput) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String signingInput, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(pair.getPublic());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The JWKS entry. */
    public Map<String, String> jwk() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return Map.of(
                "alg",
                "RS256",
                "e",
                URL.encodeToString(unsigned(key.getPublicExponent().toByteArray())),
                "kid",
                kid,
                "kty",
                "RSA",
                "n",
                URL.encodeToString(unsigned(key.getModulus().toByteArray())),
                "use",
                "sig");
    }

    private static byte[] unsigned(byte[] twosComplement) {
        if (twosComplement.length > 1 && twosComplement[0] == 0) {
            byte[] trimmed = new byte[twosComplement.length - 1];
            System.arraycopy(twosComplement, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return twosComplement;
    }
}
