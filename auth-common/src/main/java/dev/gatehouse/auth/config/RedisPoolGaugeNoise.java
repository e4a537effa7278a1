package dev.gatehouse.auth.config;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Drops one known-harmless startup warning, {@code This Gauge has been already registered
 * (MeterId{name='redis.pool.queue.size', ...})}, and nothing else.
 *
 * <p>Cause (Quarkus 3.33.2, not this project): the Redis extension initialises its clients twice,
 * once from {@code RedisClientProcessor} and once from {@code RedisDatasourceProcessor}, and {@code
 * RedisClientRecorder._initialize} builds the Vert.x client before {@code clients.putIfAbsent(name,
 * ...)}, so the second call creates a client per name that is thrown away at once (it never
 * connects: connections open lazily). Its pool metrics are what Micrometer refuses to register
 * again. The services use the one client Quarkus keeps; the registered gauges are that client's.
 * Remove this filter (and {@code quarkus.log.console.filter}) once the recorder uses {@code
 * computeIfAbsent}. The launcher's test ({@code LocalLauncherIT}) fails if any service logs such a
 * warning.
 */
@LoggingFilter(name = RedisPoolGaugeNoise.NAME)
public final class RedisPoolGaugeNoise implements Filter {

    /** The name {@code quarkus.log.console.filter} refers to. */
    public static final String NAME = "gatehouse-redis-pool-gauge";

    private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!LOGGER.equals(record.getLoggerName())) {
            return true;
        }
        String message =
                record instanceof ExtLogRecord ext
                        ? ext.getFormattedMessage()
                        : record.getMessage();
        return message == null
                || !(message.startsWith("This Gauge has been already registered")
                        && message.contains("name='redis.pool."));
    }
}
