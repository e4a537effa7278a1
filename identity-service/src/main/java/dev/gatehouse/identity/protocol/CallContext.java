package dev.gatehouse.identity.protocol;

import io.vertx.core.http.HttpServerRequest;

/** The HTTP exchange behind a call: admin operations verify its SigV4 signature. */
public record CallContext(HttpServerRequest http, byte[] body) {}
