package dev.gatehouse.index.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The latest notifications, newest first, in memory (each instance keeps what it received). A
 * retried delivery (same idempotency key) is kept once.
 */
@ApplicationScoped
public class NotificationInbox {

    private final int keep;
    private final Deque<Entry> latest = new ArrayDeque<>();
    private final Set<String> keys = new HashSet<>();

    NotificationInbox(NotificationsConfig config) {
        this.keep = Math.max(1, config.keep());
    }

    private record Entry(String idempotencyKey, Notification notification) {}

    /** Adds {@code notification} unless its key was seen; returns whether it was new. */
    public synchronized boolean add(String idempotencyKey, Notification notification) {
        if (idempotencyKey != null && !keys.add(idempotencyKey)) {
            return false;
        }
        latest.addFirst(new Entry(idempotencyKey, notification));
        while (latest.size() > keep) {
            Entry dropped = latest.removeLast();
            if (dropped.idempotencyKey() != null) {
                keys.remove(dropped.idempotencyKey());
            }
        }
        return true;
    }

    /** Newest first. */
    public synchronized List<Notification> latest() {
        List<Notification> list = new ArrayList<>(latest.size());
        latest.forEach(entry -> list.add(entry.notification()));
        return list;
    }
}
