package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.token.AccessTokens;
import dev.gatehouse.identity.token.RefreshTokens;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /oauth2/userInfo} (Cognito's user attributes endpoint): the attributes an access token
 * from the token endpoint may see. The token must carry {@code openid} (API sign-in tokens do not);
 * {@code openid} alone shows every attribute, with {@code profile}, {@code email} or {@code phone}
 * only those scopes' attributes. Values are strings, {@code *_verified} included, as Cognito
 * returns them; {@code username} is added.
 */
@ApplicationScoped
public class UserInfoEndpoint {

    /** Why a request was refused: Cognito's two documented answers. */
    public static final class Refused extends RuntimeException {
        private final boolean badRequest;

        Refused(boolean badRequest, String reason) {
            super(reason, null, false, false);
            this.badRequest = badRequest;
        }

        /** {@code invalid_request} (400) rather than {@code invalid_token} (401). */
        public boolean badRequest() {
            return badRequest;
        }
    }

    private static final Set<String> PROFILE =
            Set.of(
                    "name",
                    "family_name",
                    "given_name",
                    "middle_name",
                    "nickname",
                    "preferred_username",
                    "profile",
                    "picture",
                    "website",
                    "gender",
                    "birthdate",
                    "zoneinfo",
                    "locale",
                    "updated_at");

    private final AccessTokens accessTokens;
    private final UserStore users;
    private final RefreshTokens refreshTokens;

    UserInfoEndpoint(AccessTokens accessTokens, UserStore users, RefreshTokens refreshTokens) {
        this.accessTokens = accessTokens;
        this.users = users;
        this.refreshTokens = refreshTokens;
    }

    public Map<String, Object> userInfo(Optional<String> authorization) {
        String header =
                authorization.orElseThrow(() -> new Refused(true, "no Authorization header"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 16 * 1024) {
            throw new Refused(true, "not a Bearer token");
        }
        AccessTokens.Caller caller;
        try {
            caller = accessTokens.verify(header.substring(7).strip(), "openid");
        } catch (CognitoException e) {
            throw new Refused(false, e.getMessage());
        }
        User user =
                users.bySub(caller.sub())
                        .filter(User::enabled)
                        .orElseThrow(() -> new Refused(false, "user gone or disabled"));
        if (caller.issuedAt() <= user.tokensValidAfter()
                || refreshTokens.originRevoked(caller.originJti())) {
            throw new Refused(false, "revoked");
        }
        return attributes(user, caller.scope());
    }

    private static Map<String, Object> attributes(User user, String scope) {
        List<String> scopes = Arrays.asList(scope.split(" "));
        boolean all =
                scopes.stream()
                        .noneMatch(
                                s -> s.equals("profile") || s.equals("email") || s.equals("phone"));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("sub", user.sub());
        user.attributes()
                .forEach(
                        (name, value) -> {
                            if (all
                                    || (scopes.contains("profile")
                                            && (PROFILE.contains(name)
                                                    || name.startsWith("custom:")))
                                    || (scopes.contains("email") && name.startsWith("email"))
                                    || (scopes.contains("phone")
                                            && name.startsWith("phone_number"))) {
                                info.put(name, value);
                            }
                        });
        info.put("username", user.username());
        return info;
    }
}
