package dev.gatehouse.index.stores;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An order as stores-service returns it to its customer (the part the page shows). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerOrder(
        String orderId,
        String storeId,
        String storeName,
        List<OrderRequest.Item> items,
        String status,
        String placedAt) {}
