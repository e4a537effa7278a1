package dev.gatehouse.identity.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** Response members in order, absent ones left out (as AWS JSON omits null members). */
public final class Members {

    private Members() {}

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                members.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return members;
    }
}
