package dev.gatehouse.stores.orders;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /orders}, validated by {@link OrderRequestParser}. */
@Schema(name = "PlaceOrderRequest")
public record OrderRequest(
        @Schema(required = true, description = "The id of a store of the catalogue") String storeId,
        @Schema(
                        required = true,
                        description = "1 to 20 lines, each a name and a quantity of 1 to 99")
                List<OrderItem> items,
        @Schema(description = "Free text for the store, at most 500 characters") String note) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_QUANTITY = 99;
    public static final int MAX_ITEM_NAME_LENGTH = 100;
    public static final int MAX_NOTE_LENGTH = 500;
}
