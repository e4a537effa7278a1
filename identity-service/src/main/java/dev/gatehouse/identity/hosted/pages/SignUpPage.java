package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedCookies;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.UserPool;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /signup}: username, the pool's required attributes and a password, with the password
 * policy listed before the user types; the API's SignUp creates the user and mails the code, and
 * the browser goes on to {@code /confirm} (Cognito's path) holding the {@link PendingSignUps}
 * handle.
 */
@ApplicationScoped
public class SignUpPage {

    private final HostedForm hosted;
    private final FormView view;
    private final SignUpFlow flow;
    private final PendingSignUps pending;
    private final UserPool pool;

    SignUpPage(
            HostedForm hosted,
            SignUpFlow flow,
            PendingSignUps pending,
            UserPool pool,
            @Location("hosted/signup.html") Template signup) {
        this.hosted = hosted;
        this.view = hosted.view(signup, "/signup", "Sign up");
        this.flow = flow;
        this.pending = pending;
        this.pool = pool;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return hosted.get(rawQuery, http, request -> filled(request, "", Map.of(), http).show());
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> signUp(request, form, http));
    }

    private PageOutcome signUp(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String password = form.get("password").orElse("");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : pool.requiredAttributes()) {
            attributes.put(name, form.get(name).map(String::strip).orElse(""));
        }
        FilledForm filled = filled(request, username, attributes, http);
        Optional<String> missing = missing(username, password, attributes);
        if (missing.isPresent()) {
            return filled.missing(missing.get());
        }
        return filled.call(
                () -> {
                    SignUpFlow.CodeSent sent =
                            flow.signUp(request.client().id(), username, password, attributes);
                    return HostedForm.next(
                            request,
                            "/confirm",
                            HostedCookies.set(
                                    PendingSignUps.COOKIE,
                                    sent.handle(),
                                    pending.validity(),
                                    HostedCookies.secure(http)));
                });
    }

    private Optional<String> missing(
            String username, String password, Map<String, String> attributes) {
        if (username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getValue().isEmpty()) {
                String label = AttributeField.of(attribute.getKey(), "").label();
                return Optional.of("Enter your " + label.toLowerCase() + ".");
            }
        }
        if (password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        return Optional.empty();
    }

    private FilledForm filled(
            AuthorizationRequest request,
            String username,
            Map<String, String> typed,
            HttpServerRequest http) {
        return view.filled(
                request,
                username,
                http,
                page ->
                        page.data("fields", AttributeField.of(pool.requiredAttributes(), typed))
                                .data("passwordRules", PasswordRules.of(pool.passwordPolicy())));
    }
}
