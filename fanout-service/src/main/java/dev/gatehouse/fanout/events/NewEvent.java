package dev.gatehouse.fanout.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A validated {@code POST /events} body.
 *
 * @param type the event type subscriptions match, e.g. {@code order.placed}
 * @param source who says it happened; default: the publishing principal's name
 * @param detail the event's content, delivered as sent
 * @param idempotencyKey a publisher's key: the same key within the window publishes once
 */
public record NewEvent(
        String type, Optional<String> source, ObjectNode detail, Optional<String> idempotencyKey) {}
