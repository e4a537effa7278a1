package dev.gatehouse.index.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifications webhook ({@code POST /notifications}). */
@ConfigMapping(prefix = "gatehouse.index.notifications")
public interface NotificationsConfig {

    /**
     * How many of the latest notifications are kept (in memory) for "My orders" ({@code GET
     * /orders}).
     */
    @WithDefault("20")
    int keep();
}
