package dev.gatehouse.index.signin;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * "Sign up" starts the same authorization-code flow as "Sign in" (state, nonce and PKCE made by
 * quarkus-oidc), but at the pool's hosted {@code /signup} page instead of {@code
 * /oauth2/authorize}: Cognito's sign-up endpoint takes the authorize request's parameters and, once
 * the user has confirmed, answers the callback with a code like a sign-in. quarkus-oidc lets a
 * filter add parameters only, so the path is changed as the redirect's headers are written.
 */
@ApplicationScoped
@Unremovable // quarkus-oidc looks filters up at run time; nothing injects it
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignUpRedirect implements OidcRedirectFilter {

    static final String SIGN_UP_PAGE = "/signup";

    @Override
    public void filter(OidcRedirectContext context) {
        RoutingContext request = context.routingContext();
        if (!SIGN_UP_PAGE.equals(request.normalizedPath())) {
            return;
        }
        request.addHeadersEndHandler(
                ignored -> {
                    String location = request.response().headers().get(HttpHeaders.LOCATION);
                    if (location != null) {
                        request.response()
                                .headers()
                                .set(HttpHeaders.LOCATION, toSignUpPage(location));
                    }
                });
    }

    /**
     * The authorize URL with its last path segment's {@code oauth2/authorize} made {@code signup}.
     */
    static String toSignUpPage(String authorizeUrl) {
        URI uri = URI.create(authorizeUrl);
        String path = uri.getRawPath();
        if (path == null || !path.endsWith("/oauth2/authorize")) {
            return authorizeUrl;
        }
        String signUp = path.substring(0, path.length() - "/oauth2/authorize".length()) + "/signup";
        int at = authorizeUrl.indexOf(path, authorizeUrl.indexOf("//") + 2);
        return authorizeUrl.substring(0, at) + signUp + authorizeUrl.substring(at + path.length());
    }
}
