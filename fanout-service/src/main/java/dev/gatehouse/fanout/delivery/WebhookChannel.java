package dev.gatehouse.fanout.delivery;

import dev.gatehouse.auth.api.OutboundSigner;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs the event to a URL, SigV4-signed with this service's own credentials (the receiver checks
 * them like any AWS_IAM route), with the delivery's {@code Idempotency-Key}. 2xx is delivered; 408,
 * 425, 429, 5xx, timeouts and connection failures are retried; any other 4xx is permanent.
 */
final class WebhookChannel implements Channel {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_ID = "X-Gatehouse-Event-Id";
    static final String EVENT_TYPE = "X-Gatehouse-Event-Type";

    private final HttpClient http;
    private final OutboundSigner signer;
    private final URI url;
    private final Duration timeout;

    WebhookChannel(HttpClient http, OutboundSigner signer, URI url, Duration timeout) {
        this.http = http;
        this.signer = signer;
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public Uni<Void> deliver(Delivery delivery) {
        byte[] body = delivery.event().getBytes(StandardCharsets.UTF_8);
        RequestOptions options =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setAbsoluteURI(url.toString())
                        .setConnectTimeout(timeout.toMillis())
                        .setIdleTimeout(timeout.toMillis())
                        .putHeader("Content-Type", "application/json")
                        .putHeader(IDEMPOTENCY_KEY, delivery.idempotencyKey())
                        .putHeader(EVENT_ID, delivery.eventId());
        signer.sign("POST", url, body)
                .forEach((name, values) -> options.putHeader(name, String.join(",", values)));
        return http.request(options)
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .flatMap(response -> response.body().map(ignored -> response))
                .map(WebhookChannel::outcome)
                .onFailure()
                .transform(DeliveryFailure::of);
    }

    private static Void outcome(HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        String message = "HTTP " + status + " from the subscriber";
        boolean retryable = status >= 500 || status == 408 || status == 425 || status == 429;
        if (retryable || status < 400) {
            throw DeliveryFailure.retryable(message);
        }
        throw DeliveryFailure.permanent(message);
    }
}
