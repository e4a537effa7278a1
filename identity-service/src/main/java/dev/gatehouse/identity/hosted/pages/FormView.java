package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedPages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A hosted page's form ({@link HostedForm#view}): its template, the path it posts to and its title,
 * rendered inside the hosted layout with the data every form carries: {@code action} (the page's
 * own path with the authorize query), {@code username} as typed, and {@code signIn} (the way back
 * to {@code /login}).
 */
public record FormView(HostedPages pages, Template template, String path, String title) {

    /** The form as the user filled it in; {@code fields} adds the page's own data. */
    public FilledForm filled(
            AuthorizationRequest request,
            String username,
            HttpServerRequest http,
            UnaryOperator<TemplateInstance> fields) {
        return (status, error) ->
                render(
                        status,
                        fields.apply(
                                template.instance()
                                        .data("action", request.pageUrl(path))
                                        .data("username", username)
                                        .data("signIn", request.pageUrl("/login"))),
                        error,
                        http);
    }

    /** {@code page} (already filled with its data) with the title and {@code error}. */
    public PageOutcome.Show render(
            int status, TemplateInstance page, Optional<String> error, HttpServerRequest http) {
        return new PageOutcome.Show(pages.render(status, page, title, error, http));
    }
}
