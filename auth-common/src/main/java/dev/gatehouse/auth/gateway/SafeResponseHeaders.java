package dev.gatehouse.auth.gateway;

import dev.gatehouse.auth.api.HeaderValues;
import io.quarkus.logging.Log;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The second line behind {@link HeaderValues#safe}: every textual header of every JAX-RS response
 * (resources, authorizer refusals, exception mappers) leaves in a form Vert.x accepts, so a value
 * that echoes input and was not made safe where it was built still ends in a complete answer.
 */
public class SafeResponseHeaders {

    // Response filters run in descending priority: the lowest runs last, after every other.
    @ServerResponseFilter(priority = Integer.MIN_VALUE)
    public void makeSafe(ContainerResponseContext response) {
        for (Map.Entry<String, List<Object>> header : response.getHeaders().entrySet()) {
            List<Object> values = header.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String value && !HeaderValues.isSafe(value)) {
                    Log.debugf("response header %s made safe", header.getKey());
                    values.set(i, HeaderValues.safe(value));
                }
            }
        }
    }
}
