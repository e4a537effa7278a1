package dev.gatehouse.auth.gateway;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.UnreadableFormAnswer;
import io.quarkus.arc.DefaultBean;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** API Gateway's answer to an unreadable form body: 400 {@code BadRequestException}. */
@DefaultBean
@ApplicationScoped
class GatewayUnreadableFormAnswer implements UnreadableFormAnswer {

    @Override
    public Response answer(HttpServerRequest http) {
        return GatewayResponses.of(GatewayResponseType.BAD_REQUEST_BODY);
    }
}
