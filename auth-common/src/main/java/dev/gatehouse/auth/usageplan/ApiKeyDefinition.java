package dev.gatehouse.auth.usageplan;

import java.util.List;
import java.util.Optional;

/** A configured API key: its name, plans, enabled flag and, if supplied, its value. */
public record ApiKeyDefinition(
        String name, List<String> plans, Optional<String> value, boolean enabled) {

    @Override
    public String toString() {
        // Never print the value.
        return "ApiKeyDefinition[name=" + name + ", plans=" + plans + ", enabled=" + enabled + "]";
    }
}
