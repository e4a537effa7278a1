package dev.gatehouse.index.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notifications webhook ({@code POST /notifications}). */
@ConfigMapping(prefix = "gatehouse.index.notifications")
public interface NotificationsConfig {

    /** How many of the latest notifications are kept (in memory) and shown on the page. */
    @WithDefault("20")
    int keep();
}
