package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.AuthorizationRequests;
import dev.gatehouse.identity.hosted.CsrfTokens;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.HostedSignIn;
import dev.gatehouse.identity.hosted.QueryParameters;
import io.quarkus.logging.Log;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flow every hosted form page ({@code /signup}, {@code /confirm}, {@code /resendcode}, {@code
 * /forgotPassword}, {@code /confirmForgotPassword}, {@code /forceChangePassword}) shares, so that a
 * page states only what is its own: its template and fields, the checks of its fields, the user
 * pool operation it calls and the page it leads to.
 *
 * <ol>
 *   <li>Checks before any work ({@link #get}, {@link #post}): the {@code /oauth2/authorize} query
 *       the page carries (an invalid one gets the foundation's error page or error redirect), and
 *       for a posted form the body (unreadable: 400 error page) and its CSRF token (missing or
 *       foreign: 403 error page, before anything is read or changed).
 *   <li>The page's work on a worker thread, ending in a {@link PageOutcome}; anything unexpected is
 *       the 500 error page, never a stack trace.
 *   <li>The form shown again as the user filled it in ({@link #view}, {@link FilledForm}), with a
 *       refusal in the user's terms and its status ({@link PageError}).
 *   <li>On success a redirect to the next page with the same query ({@link #next}).
 * </ol>
 */
@ApplicationScoped
public class HostedForm {

    static final String FORGED =
            "This form has expired or was not sent from this page. Go back, reload the page and"
                    + " try again.";

    /** The outcome of the checks. */
    public sealed interface Checked {}

    /** Go on: the validated request and (for a post) the form. */
    public record Ready(AuthorizationRequest request, QueryParameters form) implements Checked {}

    /** Stop: the answer to send instead. */
    public record Refused(Response response) implements Checked {}

    private final AuthorizationRequests requests;
    private final HostedPages pages;
    private final CsrfTokens csrf;
    private final HostedSignIn signIn;

    HostedForm(
            AuthorizationRequests requests,
            HostedPages pages,
            CsrfTokens csrf,
            HostedSignIn signIn) {
        this.requests = requests;
        this.pages = pages;
        this.csrf = csrf;
        this.signIn = signIn;
    }

    /** A page's {@code GET}: {@code work} once the query is valid. */
    public Uni<Response> get(
            String rawQuery,
            HttpServerRequest http,
            Function<AuthorizationRequest, PageOutcome> work) {
        return run(
                () -> {
                    Checked checked = page(rawQuery, http);
                    return checked instanceof Ready ready
                            ? work.apply(ready.request())
                            : new PageOutcome.Show(((Refused) checked).response());
                },
                http);
    }

    /** A page's {@code POST}: {@code work} once the query, the form and its CSRF token pass. */
    public Uni<Response> post(
            String rawQuery,
            String body,
            HttpServerRequest http,
            BiFunction<AuthorizationRequest, QueryParameters, PageOutcome> work) {
        return run(
                () -> {
                    Checked checked = form(rawQuery, body, http);
                    return checked instanceof Ready ready
                            ? work.apply(ready.request(), ready.form())
                            : new PageOutcome.Show(((Refused) checked).response());
                },
                http);
    }

    /**
     * The form of a page posted to {@code path}, rendered from {@code template} as {@code title}.
     */
    public FormView view(Template template, String path, String title) {
        return new FormView(pages, template, path, title);
    }

    /**
     * Success: a 302 to the page {@code path} with the same authorize query, with {@code cookies}.
     */
    public static PageOutcome next(
            AuthorizationRequest request, String path, NewCookie... cookies) {
        Response.ResponseBuilder next =
                HostedPages.secured(
                        Response.status(Response.Status.FOUND)
                                .location(URI.create(request.pageUrl(path))));
        for (NewCookie cookie : cookies) {
            next.cookie(cookie);
        }
        return new PageOutcome.Show(next.build());
    }

    private Uni<Response> run(Supplier<PageOutcome> work, HttpServerRequest http) {
        return PageOutcome.run(
                work, signIn, () -> pages.error(500, PageError.UNEXPECTED, http), http);
    }

    /** A page shown with {@code GET}: the query only. */
    public Checked page(String rawQuery, HttpServerRequest http) {
        AuthorizationRequests.Outcome outcome = requests.parse(rawQuery);
        if (outcome instanceof AuthorizationRequests.Valid valid) {
            return new Ready(valid.request(), QueryParameters.parse(""));
        }
        return new Refused(pages.refuse(outcome, http));
    }

    /** A form posted: the query, the body, and the CSRF token. */
    public Checked form(String rawQuery, String body, HttpServerRequest http) {
        Checked page = page(rawQuery, http);
        if (!(page instanceof Ready ready)) {
            return page;
        }
        QueryParameters form;
        try {
            form = QueryParameters.parse(body);
        } catch (QueryParameters.MalformedException e) {
            return new Refused(pages.error(400, "The form could not be read.", http));
        }
        if (!csrf.verify(http, form)) {
            Log.debugf("hosted form %s refused: missing or foreign CSRF token", http.path());
            return new Refused(pages.error(403, FORGED, http));
        }
        return new Ready(ready.request(), form);
    }
}
