package dev.gatehouse.auth.gateway;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every response an {@code x-amzn-RequestId}, on the public port and on the management
 * interface, as API Gateway does, so that a client can quote it and an operator can find the
 * request in the logs.
 */
@Singleton
public class RequestIdFilter {

    /** The response header, also stored on the routing context under this name. */
    public static final String HEADER = "x-amzn-RequestId";

    void register(@Observes Router router) {
        stamp(router);
    }

    /** The management interface too: its routes, errors and {@code /q/metrics} alike. */
    void registerManagement(@Observes ManagementInterface management) {
        stamp(management.router());
    }

    private static void stamp(Router router) {
        router.route()
                .order(Integer.MIN_VALUE)
                .handler(
                        rc -> {
                            String id = newRequestId();
                            rc.put(HEADER, id);
                            rc.response().putHeader(HEADER, id);
                            rc.next();
                        });
    }

    /**
     * A random version 4 UUID from a thread-local generator: request ids must be unique, not
     * secret, and the JDK's SecureRandom-backed UUID would serialise every request on one lock.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
