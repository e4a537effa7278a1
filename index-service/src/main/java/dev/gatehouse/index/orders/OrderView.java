package dev.gatehouse.index.orders;

import dev.gatehouse.index.notifications.Notification;
import dev.gatehouse.index.stores.CustomerOrder;
import java.util.List;

/** One of the customer's orders with the notifications fanout-service delivered about it. */
public record OrderView(CustomerOrder order, List<Notification> notifications) {

    /** Each order with its notifications (newest first); another customer's never show. */
    static List<OrderView> of(List<CustomerOrder> orders, List<Notification> latest) {
        return orders.stream()
                .map(
                        order ->
                                new OrderView(
                                        order,
                                        latest.stream()
                                                .filter(n -> order.orderId().equals(n.summary()))
                                                .toList()))
                .toList();
    }
}
