package dev.gatehouse.fanout.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.OutboundSigner;
import dev.gatehouse.fanout.config.FanoutConfig.Subscription;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Builds each subscription's channel; webhooks share one pooled, keep-alive HTTP client. */
@ApplicationScoped
class Channels {

    private final HttpClient http;
    private final OutboundSigner signer;
    private final ReactiveMailer mailer;
    private final ObjectMapper json;

    Channels(Vertx vertx, OutboundSigner signer, ReactiveMailer mailer, ObjectMapper json) {
        this.http =
                vertx.createHttpClient(
                        new HttpClientOptions()
                                .setKeepAlive(true)
                                .setMaxPoolSize(64)
                                .setMaxWaitQueueSize(10_000));
        this.signer = signer;
        this.mailer = mailer;
        this.json = json;
    }

    Channel of(Subscription subscription) {
        return switch (subscription.kind()) {
            case webhook ->
                    new WebhookChannel(
                            http,
                            signer,
                            URI.create(subscription.url().orElseThrow()),
                            subscription.timeout());
            case email ->
                    new EmailChannel(
                            mailer, json, subscription.recipient(), subscription.subject());
        };
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }
}
