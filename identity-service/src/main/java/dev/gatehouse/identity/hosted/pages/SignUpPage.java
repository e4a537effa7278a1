package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedCookies;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

    private final FormGate gate;
    private final HostedPages pages;
    private final SignUpFlow flow;
    private final PendingSignUps pending;
    private final UserPool pool;
    private final Template signup;

    SignUpPage(
            FormGate gate,
            HostedPages pages,
            SignUpFlow flow,
            PendingSignUps pending,
            UserPool pool,
            @Location("hosted/signup.html") Template signup) {
        this.gate = gate;
        this.pages = pages;
        this.flow = flow;
        this.pending = pending;
        this.pool = pool;
        this.signup = signup;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return gate.get(
                rawQuery,
                http,
                request ->
                        new PageOutcome.Show(
                                form(200, request, "", Map.of(), Optional.empty(), http)));
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(
                rawQuery,
                body,
                http,
                (request, form) -> new PageOutcome.Show(signUp(request, form, http)));
    }

    private Response signUp(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String password = form.get("password").orElse("");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : pool.requiredAttributes()) {
            attributes.put(name, form.get(name).map(String::strip).orElse(""));
        }
        Optional<String> missing = missing(username, password, attributes);
        if (missing.isPresent()) {
            return form(400, request, username, attributes, missing, http);
        }
        try {
            SignUpFlow.CodeSent sent =
                    flow.signUp(request.client().id(), username, password, attributes);
            return HostedPages.secured(
                            Response.status(Response.Status.FOUND)
                                    .location(URI.create(request.pageUrl("/confirm"))))
                    .cookie(
                            HostedCookies.set(
                                    PendingSignUps.COOKIE,
                                    sent.handle(),
                                    pending.validity(),
                                    HostedCookies.secure(http)))
                    .build();
        } catch (CognitoException e) {
            PageError error = PageError.of(e);
            return form(
                    error.status(),
                    request,
                    username,
                    attributes,
                    Optional.of(error.message()),
                    http);
        }
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

    private Response form(
            int status,
            AuthorizationRequest request,
            String username,
            Map<String, String> typed,
            Optional<String> error,
            HttpServerRequest http) {
        return pages.render(
                status,
                signup.instance()
                        .data("action", request.pageUrl("/signup"))
                        .data("username", username)
                        .data("fields", AttributeField.of(pool.requiredAttributes(), typed))
                        .data("passwordRules", PasswordRules.of(pool.passwordPolicy()))
                        .data("signIn", request.pageUrl("/login")),
                "Sign up",
                error,
                http);
    }
}
