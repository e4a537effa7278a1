package dev.gatehouse.identity.sts.rest;

import dev.gatehouse.identity.sts.StsService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /} with a form body: STS in the AWS Query protocol, as AWS CLI v2 and the SDKs send
 * it ({@code Action=...&Version=2011-06-15}). The Cognito APIs on the same path are AWS JSON; the
 * content type tells them apart. Runs on a worker (RSA verification, Redis writes).
 */
@Path("/")
public class StsResource {

    private final StsService sts;

    StsResource(StsService sts) {
        this.sts = sts;
    }

    @POST
    @Consumes("application/x-www-form-urlencoded")
    public Uni<Response> call(byte[] body, HttpServerRequest http) {
        return Uni.createFrom()
                .item(
                        () -> {
                            StsService.Reply reply = sts.handle(body, http);
                            return Response.status(reply.status())
                                    .type("text/xml")
                                    .entity(reply.xml())
                                    .build();
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
