package dev.gatehouse.auth.cognito;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/** GETs the pool's JWKS with Vert.x's non-blocking HTTP client (https by the URL's scheme). */
final class JwksDownloader implements Supplier<Uni<String>> {

    private final HttpClient client;
    private final String url;
    private final long timeoutMillis;

    JwksDownloader(HttpClient client, String url, Duration timeout) {
        this.client = client;
        this.url = url;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Uni<String> get() {
        RequestOptions options =
                new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(url)
                        .setTimeout(timeoutMillis)
                        .addHeader("Accept", "application/json");
        return client.request(options)
                .chain(request -> request.send())
                .chain(
                        response ->
                                response.statusCode() == 200
                                        ? response.body().map(Buffer::toString)
                                        : Uni.createFrom()
                                                .failure(
                                                        new IllegalStateException(
                                                                url
                                                                        + " answered "
                                                                        + response.statusCode())));
    }
}
