package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link PolicyDocument#parse} accepts, and the message for everything it refuses. */
class PolicyDocumentTest {

    static final String VALID =
            """
            {"Version": "2012-10-17", "Id": "stores",
             "Statement": [
               {"Sid": "ReadStores", "Effect": "Allow", "Action": ["execute-api:Invoke"],
                "Resource": ["arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/*"],
                "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]},
                              "DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"},
                              "Bool": {"aws:SecureTransport": true},
                              "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}},
               {"Effect": "Deny", "NotAction": "execute-api:Invoke", "NotResource": "*"}]}\
            """;

    @Test
    void readsStatementsInOrderWithTheirEffectAndSid() throws InvalidPolicyException {
        PolicyDocument policy = PolicyDocument.parse(VALID);

        assertEquals(PolicyDocument.VERSION_2012_10_17, policy.version());
        assertEquals(2, policy.statements().size());
        assertEquals("ReadStores", policy.statements().get(0).sid());
        assertEquals(Effect.ALLOW, policy.statements().get(0).effect());
        assertNull(policy.statements().get(1).sid());
        assertEquals(Effect.DENY, policy.statements().get(1).effect());
        assertThrows(UnsupportedOperationException.class, () -> policy.statements().clear());
    }

    @Test
    void acceptsASingleStatementObjectAndNoVersion() throws InvalidPolicyException {
        PolicyDocument policy =
                PolicyDocument.parse(
                        """
                        {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}\
                        """);

        assertEquals(PolicyDocument.VERSION_2008_10_17, policy.version());
        assertEquals(1, policy.statements().size());
    }

    @Test
    void conditionValuesMayBeJsonNumbersAndBooleans() throws InvalidPolicyException {
        PolicyDocument policy = PolicyDocument.parse(VALID);
        AuthorizationRequest request =
                new AuthorizationRequest(
                        "execute-api:Invoke",
                        "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/x",
                        java.util.Map.of(
                                "aws:SourceIp", List.of("2001:db8::1"),
                                "aws:CurrentTime", List.of("2026-06-01T00:00:00Z"),
                                "aws:SecureTransport", List.of("true"),
                                "aws:MultiFactorAuthAge", List.of("60")));

        assertTrue(policy.statements().get(0).appliesTo(request));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
not json at all                         | Policy document is not valid JSON
{"Statement": [                         | Policy document is not valid JSON
{"Statement": []} trailing              | Policy document is not valid JSON
{"Statement": [], "Statement": []}      | Duplicate field 'Statement'
[]                                      | Policy document must be a JSON object
42                                      | Policy document must be a JSON object
null                                    | Policy document must be a JSON object
`"a string"`                            | Policy document must be a JSON object
{"Statements": []}                      | Policy document has an unknown element 'Statements'
{"Version": "2020-01-01", "Statement": []} | Version must be 2012-10-17 or 2008-10-17
{"Version": 2012, "Statement": []}      | Version must be 2012-10-17 or 2008-10-17
{"Id": 7, "Statement": {}}              | Id must be a string
{"Version": "2012-10-17"}               | Statement is required
{"Statement": "Allow everything"}       | Statement must be an object or a non-empty array of objects
{"Statement": []}                       | Statement must be an object or a non-empty array of objects
{"Statement": 5}                        | Statement must be an object or a non-empty array of objects
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, 5]} | Statement[1] must be an object
{"Statement": {"Action": "*", "Resource": "*"}} | Statement.Effect is required
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "allow", "Action": "*", "Resource": "*"}]} | Statement[1].Effect must be Allow or Deny
{"Statement": [{"Effect": true, "Action": "*", "Resource": "*"}]} | Statement[0].Effect must be Allow or Deny
{"Statement": [{"Effect": null, "Action": "*", "Resource": "*"}]} | Statement[0].Effect must be Allow or Deny
{"Statement": [{"Effect": "Allow", "Resource": "*"}]} | Statement[0] must have exactly one of Action and NotAction
{"Statement": [{"Effect": "Allow", "Action": "*", "NotAction": "s3:*", "Resource": "*"}]} | Statement[0] must have exactly one of Action and NotAction, not both
{"Statement": [{"Effect": "Allow", "Action": 5, "Resource": "*"}]} | Statement[0].Action must be a string or a non-empty array of strings
{"Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]} | Statement[0].Action must be a string or a non-empty array of strings
{"Statement": [{"Effect": "Allow", "Action": {"a": 1}, "Resource": "*"}]} | Statement[0].Action must be a string or a non-empty array of strings
{"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", 5], "Resource": "*"}]} | Statement[0].Action[1] must be a string
{"Statement": [{"Effect": "Allow", "Action": "Invoke", "Resource": "*"}]} | Statement[0].Action 'Invoke' must be * or service:action
{"Statement": [{"Effect": "Allow", "Action": "*:Invoke", "Resource": "*"}]} | Statement[0].Action '*:Invoke' must be * or service:action
{"Statement": [{"Effect": "Allow", "Action": "execute-api:", "Resource": "*"}]} | Statement[0].Action 'execute-api:' must be * or service:action
{"Statement": [{"Effect": "Allow", "Action": "*"}]} | Statement[0] must have exactly one of Resource and NotResource
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "NotResource": "*"}]} | Statement[0] must have exactly one of Resource and NotResource, not both
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "my-bucket"}]} | Statement[0].Resource 'my-bucket' must be * or an ARN
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": ["*", "arn:aws:s3"]}]} | Statement[0].Resource[1] 'arn:aws:s3' must be * or an ARN
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:execute-*:us-east-1:1:a"}]} | the service of a resource ARN must be named, without wildcards
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": null}]} | Statement[0].Resource must be a string or a non-empty array of strings
{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*"}]} | Statement[0].Principal is not allowed in an identity policy
{"Statement": [{"Effect": "Allow", "NotPrincipal": "*", "Action": "*", "Resource": "*"}]} | Statement[0].NotPrincipal is not allowed in an identity policy
{"Statement": [{"Effect": "Allow", "Actions": "*", "Resource": "*"}]} | Statement[0] has an unknown element 'Actions'
{"Statement": [{"Sid": 5, "Effect": "Allow", "Action": "*", "Resource": "*"}]} | Statement[0].Sid must be a string
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": "x"}]} | Statement[0].Condition must be an object of condition operators
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEqualz": {"aws:username": "a"}}}]} | Statement[0].Condition has an unknown condition operator 'StringEqualz'
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"stringequals": {"aws:username": "a"}}}]} | unknown condition operator 'stringequals'
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NullIfExists": {"aws:username": "true"}}}]} | unknown condition operator 'NullIfExists'
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForSomeValues:StringLike": {"aws:TagKeys": "a"}}}]} | unknown condition operator 'ForSomeValues:StringLike'
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAnyValue:Null": {"aws:TagKeys": "true"}}}]} | Null takes no ForAnyValue/ForAllValues qualifier
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": ["aws:username"]}}]} | Statement[0].Condition.StringEquals must be an object of condition keys to values
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {}}}]} | Statement[0].Condition.StringEquals must be an object of condition keys to values
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"username": "a"}}}]} | condition key 'username' must be prefixed by its service
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": {"a": 1}}}}]} | Statement[0].Condition.StringEquals.aws:username must be a string, number or boolean
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": null}}}]} | Statement[0].Condition.StringEquals.aws:username must be a string, number or boolean
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": ["a", [1]]}}}]} | Statement[0].Condition.StringEquals.aws:username[1] must be a string, number or boolean
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": []}}}]} | Statement[0].Condition.StringEquals.aws:username must list at least one value
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "300.1.1.1"}}}]} | Statement[0].Condition.IpAddress.aws:SourceIp: '300.1.1.1' is not an IP address or CIDR block
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "10.0.0.0/33"]}}}]} | Statement[0].Condition.IpAddress.aws:SourceIp[1]: '10.0.0.0/33' has an invalid prefix length (0 to 32)
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "2001:db8::/129"}}}]} | '2001:db8::/129' has an invalid prefix length (0 to 128)
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "example.com"}}}]} | 'example.com' is not an IP address or CIDR block
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "yesterday"}}}]} | 'yesterday' is not a date
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-02-30"}}}]} | '2026-02-30' is not a date
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NumericEquals": {"s3:max-keys": "ten"}}}]} | 'ten' is not a number
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]} | 'yes' is not a boolean
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Null": {"aws:TokenIssueTime": "maybe"}}}]} | 'maybe' is not a boolean
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns"}}}]} | 'arn:aws:sns' is not an ARN
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"BinaryEquals": {"s3:blob": "not base 64!"}}}]} | 'not base 64!' is not base-64
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${aws:username"}]} | policy variable '${' without a closing '}'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${}"}]} | invalid policy variable '${}'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${aws:username, guest}"}]} | the default value must be in single quotes
""")
    void refusesInvalidDocumentsWithAMessageNamingTheProblem(String json, String message) {
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> PolicyDocument.parse(json));

        assertTrue(
                e.getMessage().contains(message),
                () -> "expected '" + message + "' in: " + e.getMessage());
    }

    @Test
    void refusesNullAndBlankInput() {
        assertEquals(
                "Policy document is empty",
                assertThrows(InvalidPolicyException.class, () -> PolicyDocument.parse(null))
                        .getMessage());
        assertThrows(InvalidPolicyException.class, () -> PolicyDocument.parse("  \n"));
    }

    /**
     * Puts every wrong JSON type at every position of a valid policy: parsing either succeeds or
     * throws InvalidPolicyException from a real check, never an NPE, a ClassCastException or the
     * catch-all.
     */
    @Test
    void everyWrongJsonTypeAnywhereGivesAnInvalidPolicyMessage() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> replacements =
                List.of(
                        json.readTree("null"),
                        json.readTree("1"),
                        json.readTree("-2.5e300"),
                        json.readTree("true"),
                        json.readTree("\"\""),
                        json.readTree("\"x\""),
                        json.readTree("[]"),
                        json.readTree("[null]"),
                        json.readTree("[1, {}]"),
                        json.readTree("{}"),
                        json.readTree("{\"a\": null}"));
        JsonNode valid = json.readTree(VALID);
        int variants = 0;
        for (List<Object> path : paths(valid, new ArrayList<>())) {
            for (JsonNode replacement : replacements) {
                JsonNode variant = valid.deepCopy();
                replace(variant, path, replacement.deepCopy());
                String text = json.writeValueAsString(variant);
                try {
                    PolicyDocument.parse(text);
                } catch (InvalidPolicyException e) {
                    assertFalse(e.getMessage().isBlank(), text);
                    assertFalse(
                            e.getMessage().startsWith("Policy document could not be read"),
                            () -> text + " -> " + e.getMessage());
                }
                variants++;
            }
        }
        assertTrue(variants > 250, "variants: " + variants);
    }

    /** Every path (field names and array indexes) to a node below the root. */
    private static List<List<Object>> paths(JsonNode node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<Object> path = new ArrayList<>(prefix);
                path.add(name);
                paths.add(path);
                paths.addAll(paths(node.get(name), path));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                paths.addAll(paths(node.get(i), path));
            }
        }
        return paths;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}'"
                    + " | false",
                "'{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true}}}}'"
                    + " | true",
                "'{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}'"
                    + " | true",
                "'{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::home/${aws:userid}\"}}'"
                    + " | true",
                "'{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}'"
                    + " | false",
            })
    void knowsWhetherDecidingReadsTheRequestContext(String json, boolean reads)
            throws InvalidPolicyException {
        // A policy that reads nothing from the context lets the authorizer skip building it.
        assertEquals(reads, PolicyDocument.parse(json).readsContext());
    }
}
