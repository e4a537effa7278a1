package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.protocol.Members;
import java.util.Map;

/**
 * {@code CodeDeliveryDetails}: where a code went, masked as Cognito masks it ({@code f***@e***}).
 */
public final class CodeDelivery {

    private CodeDelivery() {}

    public static Map<String, Object> email(String email) {
        return Members.of(
                "Destination", mask(email), "DeliveryMedium", "EMAIL", "AttributeName", "email");
    }

    static String mask(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }
}
