package dev.gatehouse.auth.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.InvalidRequestException;
import dev.gatehouse.auth.api.UnreadableFormAnswer;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that reaches the REST layer to an API Gateway-shaped response. Precise
 * reasons are logged; clients get the generic AWS message and never a class name or stack trace.
 *
 * <p>A form body that cannot be decoded is answered by the {@link UnreadableFormAnswer} bean.
 *
 * <p>Resources answer "not found" for a missing entity with {@link GatewayResponses#error}, not by
 * throwing {@link NotFoundException}: that exception means "no route", which API Gateway (REST
 * APIs) answers with 403 Missing Authentication Token.
 */
public class GatewayExceptionMappers {

    private final UnreadableFormAnswer unreadableForm;

    GatewayExceptionMappers(UnreadableFormAnswer unreadableForm) {
        this.unreadableForm = unreadableForm;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return GatewayResponses.of(GatewayResponseType.BAD_REQUEST_BODY, e.getMessage());
    }

    @ServerExceptionMapper
    public Response noRoute(NotFoundException e) {
        return GatewayResponses.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    @ServerExceptionMapper
    public Response noMethod(NotAllowedException e) {
        return GatewayResponses.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        Log.debugf("unreadable JSON body: %s", e.getOriginalMessage());
        return GatewayResponses.of(
                GatewayResponseType.BAD_REQUEST_BODY, "Request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("request failed", e);
            return GatewayResponses.of(GatewayResponseType.INTERNAL_ERROR);
        }
        Log.debugf("request rejected with %d: %s", status, e.getMessage());
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return GatewayResponses.error(status, reason.replace(" ", "") + "Exception", reason);
    }

    /**
     * A form body Quarkus REST could not decode ({@link FormBodyFailures}) is the client's mistake;
     * any other unmapped {@link RuntimeException} is {@link #unexpected}.
     */
    @ServerExceptionMapper
    public Response unmapped(RuntimeException e, HttpServerRequest http) {
        if (FormBodyFailures.isClientMistake(e)) {
            Log.debugf("unreadable form body to %s: %s", http.path(), e.getMessage());
            return unreadableForm.answer(http);
        }
        return unexpected(e, http);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest http) {
        if (CommittedResponses.isCommitted(http.response())) {
            // Nothing can be answered any more; the connection is ended instead of left waiting.
            Log.warnf(
                    "request to %s failed after its response was committed: %s",
                    http.path(), e.toString());
            CommittedResponses.abort(http);
            return null;
        }
        Log.error("unexpected failure while serving a request", e);
        return GatewayResponses.of(GatewayResponseType.INTERNAL_ERROR);
    }
}
