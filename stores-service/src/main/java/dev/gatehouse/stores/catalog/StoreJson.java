package dev.gatehouse.stores.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON form of a store in Redis, which is also its form on the wire. */
@ApplicationScoped
public class StoreJson {

    private final ObjectMapper json;

    StoreJson(ObjectMapper json) {
        this.json = json;
    }

    public Store read(String text) {
        try {
            return json.readValue(text, Store.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable store in Redis", e);
        }
    }

    public String write(Store store) {
        try {
            return json.writeValueAsString(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
