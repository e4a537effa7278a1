package dev.gatehouse.auth.gateway;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Test-only routes that do what a careless resource might: echo input in a header, add a header
 * only when the response head is written, fail half-way through a body, take a form.
 */
@Path("/hostile")
public class HostileHeaderResource {

    @GET
    @Path("/echo")
    public Response echo(@QueryParam("value") String value) {
        return Response.status(400).header("x-amzn-ErrorMessage", value).entity("{}").build();
    }

    @GET
    @Path("/late-header")
    public String lateHeader(@QueryParam("value") String value, RoutingContext rc) {
        rc.addHeadersEndHandler(v -> rc.response().headers().add("x-late", value));
        return "{}";
    }

    @GET
    @Path("/broken-body")
    public StreamingOutput brokenBody() {
        return output -> {
            output.write(new byte[256 * 1024]);
            output.flush();
            throw new IllegalStateException("the body source failed half-way");
        };
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String form(@FormParam("name") String name) {
        return "{\"name\":\"" + (name == null ? "" : name.length()) + "\"}";
    }
}
