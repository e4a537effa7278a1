package dev.gatehouse.index.page;

import dev.gatehouse.index.notifications.Notification;
import dev.gatehouse.index.notifications.NotificationInbox;
import dev.gatehouse.index.stores.StoreSummary;
import dev.gatehouse.index.stores.StoresClient;
import dev.gatehouse.index.stores.StoresRequestRejected;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /}: the public page. Security: none. */
@Path("/")
public class IndexPage {

    static final int PAGE_SIZE = 8;
    static final int SEARCH_RESULTS = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(
                List<StoreSummary> stores,
                String query,
                String problem,
                String region,
                List<Notification> notifications);

        static native TemplateInstance unavailable(String region);
    }

    private final StoresClient stores;
    private final NotificationInbox notifications;
    private final String region;

    IndexPage(
            StoresClient stores,
            NotificationInbox notifications,
            @ConfigProperty(name = "gatehouse.region", defaultValue = "us-east-1") String region) {
        this.stores = stores;
        this.notifications = notifications;
        this.region = region;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> index(@RestQuery String q) {
        String query = q == null || q.isBlank() ? null : q.strip();
        Uni<List<StoreSummary>> found =
                query == null ? stores.first(PAGE_SIZE) : stores.search(query, SEARCH_RESULTS);
        return found.map(list -> page(200, list, query, null))
                .onFailure(StoresRequestRejected.class)
                .recoverWithItem(e -> page(400, List.of(), query, e.getMessage()))
                .onFailure()
                .recoverWithItem(this::unavailable);
    }

    private Response page(int status, List<StoreSummary> list, String query, String problem) {
        return Response.status(status)
                .entity(
                        Templates.index(list, query, problem, region, notifications.latest())
                                .render())
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    private Response unavailable(Throwable failure) {
        Log.warnf("stores-service unavailable: %s", failure.toString());
        return Response.status(503)
                .entity(Templates.unavailable(region).render())
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
