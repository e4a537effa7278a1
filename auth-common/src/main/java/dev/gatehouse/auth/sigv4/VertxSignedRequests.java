package dev.gatehouse.auth.sigv4;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Vert.x request as the SigV4 verifier needs it: raw path and query, headers in arrival order,
 * and for HTTP/2 the {@code :authority} as {@code host}.
 */
public final class VertxSignedRequests {

    private VertxSignedRequests() {}

    public static SignedRequest of(HttpServerRequest http, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : http.headers()) {
            headers.computeIfAbsent(
                            header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(header.getValue());
        }
        if (http.version() == HttpVersion.HTTP_2 && http.authority() != null) {
            // HTTP/2 carries the host in the :authority pseudo-header, which clients sign as host
            // or as :authority; HTTP/1.x has none, so a signed :authority there is bound to
            // nothing.
            var authority = http.authority();
            List<String> value =
                    List.of(
                            authority.port() >= 0
                                    ? authority.host() + ":" + authority.port()
                                    : authority.host());
            headers.put(":authority", value);
            headers.putIfAbsent("host", value);
        }
        String query = http.query();
        return new SignedRequest(
                http.method().name(), http.path(), query == null ? "" : query, headers, body);
    }

    /** The client address ({@code aws:SourceIp}), after Quarkus's proxy-forwarding rules. */
    public static String sourceIp(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
