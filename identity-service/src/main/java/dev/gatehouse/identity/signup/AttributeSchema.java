package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The pool's schema: the standard attributes, the required ones, and the email format. */
public final class AttributeSchema {

    static final Set<String> STANDARD =
            Set.of(
                    "address",
                    "birthdate",
                    "email",
                    "family_name",
                    "gender",
                    "given_name",
                    "locale",
                    "middle_name",
                    "name",
                    "nickname",
                    "phone_number",
                    "picture",
                    "preferred_username",
                    "profile",
                    "updated_at",
                    "website",
                    "zoneinfo");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AttributeSchema() {}

    public static void check(Map<String, String> attributes, List<String> required) {
        for (String name : attributes.keySet()) {
            if (!STANDARD.contains(name)) {
                throw CognitoErrors.invalidParameter(
                        "Attributes did not conform to the schema: "
                                + name
                                + ": Attribute does not exist in the schema.");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            String value = attributes.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name + ": The attribute is required");
            }
        }
        if (!missing.isEmpty()) {
            throw CognitoErrors.invalidParameter(
                    "Attributes did not conform to the schema: " + String.join(", ", missing));
        }
        String email = attributes.get("email");
        if (email != null && !looksLikeEmail(email)) {
            throw CognitoErrors.invalidParameter("Invalid email address format.");
        }
    }

    public static boolean looksLikeEmail(String value) {
        return EMAIL.matcher(value).matches();
    }
}
