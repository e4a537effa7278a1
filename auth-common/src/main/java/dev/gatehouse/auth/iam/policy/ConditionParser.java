package dev.gatehouse.auth.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a statement's {@code Condition} block, {@code {"<operator>": {"<key>": value-or-array}}},
 * into compiled {@link Condition}s. Every operator and value is checked here, so that evaluation
 * never meets an unknown operator or an unreadable policy value.
 */
final class ConditionParser {

    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    private ConditionParser() {}

    /**
     * @param path where the block sits, for messages, e.g. {@code Statement[0].Condition}
     * @param variables whether {@code ${...}} is a policy variable (Version 2012-10-17)
     */
    static List<Condition> parse(JsonNode block, String path, boolean variables)
            throws InvalidPolicyException {
        if (!block.isObject()) {
            throw new InvalidPolicyException(path + " must be an object of condition operators");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String operatorPath = path + "." + entry.getKey();
            Condition.Qualifier qualifier = qualifier(entry.getKey());
            String name = unqualified(entry.getKey(), qualifier);
            boolean ifExists = false;
            ConditionOperator operator = ConditionOperator.named(name);
            if (operator == null && name.endsWith(IF_EXISTS)) {
                operator =
                        ConditionOperator.named(
                                name.substring(0, name.length() - IF_EXISTS.length()));
                ifExists = true;
            }
            if (operator == null || (operator == ConditionOperator.NULL && ifExists)) {
                throw new InvalidPolicyException(
                        path + " has an unknown condition operator '" + entry.getKey() + "'");
            }
            if (operator == ConditionOperator.NULL && qualifier != Condition.Qualifier.NONE) {
                throw new InvalidPolicyException(
                        operatorPath + ": Null takes no ForAnyValue/ForAllValues qualifier");
            }
            JsonNode keys = entry.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw new InvalidPolicyException(
                        operatorPath + " must be an object of condition keys to values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> k = keys.fields(); k.hasNext(); ) {
                Map.Entry<String, JsonNode> key = k.next();
                conditions.add(
                        condition(operator, qualifier, ifExists, key, operatorPath, variables));
            }
        }
        return conditions;
    }

    private static Condition condition(
            ConditionOperator operator,
            Condition.Qualifier qualifier,
            boolean ifExists,
            Map.Entry<String, JsonNode> key,
            String operatorPath,
            boolean variables)
            throws InvalidPolicyException {
        String name = key.getKey();
        String keyPath = operatorPath + "." + name;
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            throw new InvalidPolicyException(
                    keyPath
                            + ": condition key '"
                            + name
                            + "' must be prefixed by its service, e.g. aws:SourceIp");
        }
        List<String> texts = values(key.getValue(), keyPath);
        ConditionValue[] values = new ConditionValue[texts.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = operator.compile(texts.get(i), variables);
            } catch (InvalidPolicyException e) {
                String at = texts.size() == 1 ? keyPath : keyPath + "[" + i + "]";
                throw new InvalidPolicyException(at + ": " + e.getMessage());
            }
        }
        return new Condition(operator, qualifier, ifExists, name.toLowerCase(Locale.ROOT), values);
    }

    /** A string, number or boolean, or a non-empty array of them, as text. */
    private static List<String> values(JsonNode node, String path) throws InvalidPolicyException {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new InvalidPolicyException(path + " must list at least one value");
            }
            for (int i = 0; i < node.size(); i++) {
                texts.add(scalar(node.get(i), path + "[" + i + "]"));
            }
        } else {
            texts.add(scalar(node, path));
        }
        return texts;
    }

    private static String scalar(JsonNode node, String path) throws InvalidPolicyException {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new InvalidPolicyException(
                path + " must be a string, number or boolean, or an array of them");
    }

    private static Condition.Qualifier qualifier(String operator) {
        if (operator.startsWith(FOR_ANY_VALUE)) {
            return Condition.Qualifier.FOR_ANY_VALUE;
        }
        if (operator.startsWith(FOR_ALL_VALUES)) {
            return Condition.Qualifier.FOR_ALL_VALUES;
        }
        return Condition.Qualifier.NONE;
    }

    private static String unqualified(String operator, Condition.Qualifier qualifier) {
        return switch (qualifier) {
            case NONE -> operator;
            case FOR_ANY_VALUE -> operator.substring(FOR_ANY_VALUE.length());
            case FOR_ALL_VALUES -> operator.substring(FOR_ALL_VALUES.length());
        };
    }
}
