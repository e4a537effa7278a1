package dev.gatehouse.identity.hosted.pages;

import java.util.List;
import java.util.Map;

/**
 * One required attribute of the pool as a sign-up form field: the attribute's name is the field's
 * {@code name} and its {@code id}; the label, input type and autocomplete hint make it read well
 * and fill in on a phone.
 */
public record AttributeField(
        String name, String id, String label, String type, String autocomplete, String value) {

    private static final Map<String, String[]> KNOWN =
            Map.ofEntries(
                    Map.entry("email", new String[] {"Email", "email", "email"}),
                    Map.entry("given_name", new String[] {"Given name", "text", "given-name"}),
                    Map.entry("family_name", new String[] {"Family name", "text", "family-name"}),
                    Map.entry(
                            "middle_name", new String[] {"Middle name", "text", "additional-name"}),
                    Map.entry("name", new String[] {"Full name", "text", "name"}),
                    Map.entry("nickname", new String[] {"Nickname", "text", "nickname"}),
                    Map.entry(
                            "preferred_username",
                            new String[] {"Preferred username", "text", "username"}),
                    Map.entry("phone_number", new String[] {"Phone number", "tel", "tel"}),
                    Map.entry("address", new String[] {"Address", "text", "street-address"}),
                    Map.entry("birthdate", new String[] {"Birthdate", "date", "bday"}),
                    Map.entry("gender", new String[] {"Gender", "text", "sex"}),
                    Map.entry("locale", new String[] {"Locale", "text", "language"}),
                    Map.entry("zoneinfo", new String[] {"Time zone", "text", "off"}),
                    Map.entry("website", new String[] {"Website", "url", "url"}),
                    Map.entry("profile", new String[] {"Profile page", "url", "url"}),
                    Map.entry("picture", new String[] {"Picture URL", "url", "photo"}),
                    Map.entry("updated_at", new String[] {"Updated at", "text", "off"}));

    /** The pool's required attributes, in the configured order, holding what the user typed. */
    public static List<AttributeField> of(List<String> required, Map<String, String> typed) {
        return required.stream().map(name -> of(name, typed.getOrDefault(name, ""))).toList();
    }

    static AttributeField of(String name, String value) {
        String[] known = KNOWN.getOrDefault(name, new String[] {name, "text", "off"});
        return new AttributeField(name, name, known[0], known[1], known[2], value);
    }
}
