package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Renders a hosted page inside {@code templates/hosted/layout.html}: the pool's name, the page
 * title, an error in the user's terms (never a stack trace), the form's CSRF token as {@code csrf}
 * (and its cookie when the browser had none), and the headers every page carries (no caching, no
 * framing, no referrer, a script-free content security policy).
 *
 * <p>Used by: every hosted page ({@code /login}, {@code /signup}, {@code /confirmUser}, {@code
 * /forgotPassword}, {@code /confirmForgotPassword}, {@code /forceChangePassword}) and the error
 * pages of {@code /oauth2/authorize} and {@code /logout}.
 */
@ApplicationScoped
public class HostedPages {

    static final String HTML = "text/html;charset=UTF-8";
    static final String POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'";

    private final String poolName;
    private final CsrfTokens csrf;
    private final Template error;

    HostedPages(
            IdentityConfig config, CsrfTokens csrf, @Location("hosted/error.html") Template error) {
        this.poolName = config.poolName();
        this.csrf = csrf;
        this.error = error;
    }

    /** {@code page} with the layout's data, as a response of {@code status}. */
    public Response render(
            int status,
            TemplateInstance page,
            String title,
            Optional<String> errorMessage,
            HttpServerRequest http) {
        CsrfTokens.CsrfToken token = csrf.token(http);
        String html =
                page.data("poolName", poolName)
                        .data("title", title)
                        .data("error", errorMessage.orElse(null))
                        .data("csrf", token.value())
                        .render();
        Response.ResponseBuilder response =
                secured(Response.status(status).type(HTML).entity(html));
        token.cookie().ifPresent(response::cookie);
        return response.build();
    }

    /** The error page: {@code message} in the user's terms, no way onward but back. */
    public Response error(int status, String message, HttpServerRequest http) {
        return render(status, error.instance(), "Something went wrong", Optional.of(message), http);
    }

    /**
     * The answer to an authorize query that is not {@link AuthorizationRequests.Valid}: the error
     * page (status 400, never a redirect) or the error redirect to the app's verified {@code
     * redirect_uri}.
     */
    public Response refuse(AuthorizationRequests.Outcome outcome, HttpServerRequest http) {
        if (outcome instanceof AuthorizationRequests.RedirectError redirect) {
            return redirect(redirect.location());
        }
        if (outcome instanceof AuthorizationRequests.PageError page) {
            return error(400, page.message(), http);
        }
        throw new IllegalArgumentException("a valid request is not refused");
    }

    /** A 302 to {@code location}, with the hosted headers. */
    public static Response redirect(String location) {
        return secured(Response.status(Response.Status.FOUND).location(URI.create(location)))
                .build();
    }

    /** The headers of every hosted response, pages and redirects alike. */
    public static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", POLICY);
    }
}
