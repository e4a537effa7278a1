package dev.gatehouse.auth.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Signs a REST client's calls with SigV4 (the suite's {@code aws4}): register it on the raw client
 * with {@code @RegisterProvider(SigV4ClientFilter.class)}. The entity is serialised here, once, so
 * that the bytes hashed are exactly the bytes sent. Runs after the other request filters, since it
 * must see the final request.
 */
@Singleton
@Priority(Priorities.USER + 1000)
public class SigV4ClientFilter implements ClientRequestFilter {

    private static final byte[] NO_BODY = new byte[0];

    private final OutboundSigner signer;
    private final ObjectMapper json;

    SigV4ClientFilter(OutboundSigner signer, ObjectMapper json) {
        this.signer = signer;
        this.json = json;
    }

    @Override
    public void filter(ClientRequestContext request) throws IOException {
        byte[] body = body(request);
        signer.sign(request.getMethod(), request.getUri(), body)
                .forEach(
                        (name, values) -> {
                            request.getHeaders().remove(name);
                            values.forEach(value -> request.getHeaders().add(name, value));
                        });
    }

    private byte[] body(ClientRequestContext request) throws IOException {
        Object entity = request.getEntity();
        if (entity == null) {
            return NO_BODY;
        }
        byte[] bytes;
        if (entity instanceof byte[] raw) {
            bytes = raw;
        } else if (entity instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = json.writeValueAsBytes(entity);
        }
        request.setEntity(bytes, request.getEntityAnnotations(), request.getMediaType());
        return bytes;
    }
}
