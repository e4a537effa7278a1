package dev.gatehouse.index.signin;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Sign in, sign up and sign out. {@code /signin}, {@code /signup} and {@code /callback} need a
 * signed-in user (HTTP permission {@code signed-in}): quarkus-oidc sends an anonymous visitor to
 * the pool's hosted page first, so reaching them means the user is signed in, and they go home.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signInFailed(
                boolean cancelled, String region, Customer customer);
    }

    private final SignedInCustomers customers;
    private final OidcSession session;
    private final HostedLogout hostedLogout;
    private final String region;

    SignInResource(
            SignedInCustomers customers,
            OidcSession session,
            HostedLogout hostedLogout,
            @ConfigProperty(name = "gatehouse.region", defaultValue = "us-east-1") String region) {
        this.customers = customers;
        this.session = session;
        this.hostedLogout = hostedLogout;
        this.region = region;
    }

    @GET
    @Path("signin")
    public Response signIn() {
        return home();
    }

    @GET
    @Path("signup")
    public Response signUp() {
        return home();
    }

    @GET
    @Path("callback")
    public Response callback() {
        return home();
    }

    /** quarkus-oidc's error page: the pool answered the callback with an error. */
    @GET
    @Path("signin-failed")
    public Response signInFailed(@RestQuery String error) {
        return Response.status(401)
                .entity(
                        Templates.signInFailed("access_denied".equals(error), region, null)
                                .render())
                .build();
    }

    /**
     * A form POST (CSRF token checked): the local session cookie goes, then the pool's session,
     * through its hosted {@code /logout}, which sends the browser back to this page. On a worker
     * thread: quarkus-oidc's session and provider metadata beans read the (lazily authenticated)
     * identity in a blocking way; sign-outs are rare.
     */
    @POST
    @Blocking
    @Path("signout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@Context UriInfo uri) {
        URI home = uri.getBaseUri();
        return customers
                .current()
                .flatMap(
                        customer ->
                                customer.isEmpty()
                                        ? Uni.createFrom().item(home())
                                        : session.logout()
                                                .map(
                                                        done ->
                                                                Response.seeOther(
                                                                                hostedLogout
                                                                                        .signOutAndReturnTo(
                                                                                                home))
                                                                        .build()));
    }

    private static Response home() {
        return Response.seeOther(URI.create("/")).build();
    }
}
