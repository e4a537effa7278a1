package dev.gatehouse.auth.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * The answer to an {@code application/x-www-form-urlencoded} body that Quarkus REST could not
 * decode before any resource method ran (a broken %-escape, more fields than its parameter limit):
 * always a client error, never a 500. auth-common answers API Gateway's {@code
 * BadRequestException}; a service whose endpoints speak another error shape (OAuth 2.0 JSON, HTML
 * pages) supplies its own bean, which replaces the default.
 */
public interface UnreadableFormAnswer {

    /** The 4xx response for the form body of {@code http} that could not be read. */
    Response answer(HttpServerRequest http);
}
