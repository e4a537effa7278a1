package dev.gatehouse.auth.iam.policy;

import static dev.gatehouse.auth.iam.policy.PolicyFixtures.conditionHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every condition operator, matching and not matching, one context value against one or more policy
 * values ({@code ;}-separated, ORed), with and without the key in the request. Each row is also
 * checked with the {@code IfExists} suffix: the same answer when the key is present, a match when
 * it is absent.
 */
class ConditionOperatorTest {

    private static final String ABSENT = "<absent>";

    @ParameterizedTest(name = "{0} {2} against {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
StringEquals              | aws:username | alice         | alice     | true
StringEquals              | aws:username | alice         | Alice     | false
StringEquals              | aws:username | alice ; bob   | bob       | true
StringEquals              | aws:username | al*           | alice     | false
StringEquals              | aws:username | al*           | al*       | true
StringEquals              | aws:username | alice         | <absent>  | false
StringNotEquals           | aws:username | alice         | bob       | true
StringNotEquals           | aws:username | alice         | alice     | false
StringNotEquals           | aws:username | alice ; bob   | bob       | false
StringNotEquals           | aws:username | alice ; bob   | carol     | true
StringNotEquals           | aws:username | alice         | <absent>  | true
StringEqualsIgnoreCase    | aws:username | alice         | ALICE     | true
StringEqualsIgnoreCase    | aws:username | alice         | alicia    | false
StringEqualsIgnoreCase    | aws:username | alice         | <absent>  | false
StringNotEqualsIgnoreCase | aws:username | alice         | ALICE     | false
StringNotEqualsIgnoreCase | aws:username | alice         | bob       | true
StringNotEqualsIgnoreCase | aws:username | alice         | <absent>  | true
StringLike                | aws:username | al*e          | alice     | true
StringLike                | aws:username | al?ce         | alice     | true
StringLike                | aws:username | al?ce         | allice    | false
StringLike                | aws:username | Al*           | alice     | false
StringLike                | aws:username | *             | anyone    | true
StringLike                | aws:username | *             | <absent>  | false
StringNotLike             | aws:username | al*           | alice     | false
StringNotLike             | aws:username | al* ; b?b     | bob       | false
StringNotLike             | aws:username | al* ; b?b     | carol     | true
StringNotLike             | aws:username | al*           | <absent>  | true
NumericEquals             | aws:multifactorauthage | 10  | 10        | true
NumericEquals             | aws:multifactorauthage | 10  | 10.0      | true
NumericEquals             | aws:multifactorauthage | 10  | 11        | false
NumericEquals             | aws:multifactorauthage | 10  | ten       | false
NumericEquals             | aws:multifactorauthage | 10  | <absent>  | false
NumericNotEquals          | aws:multifactorauthage | 10  | 11        | true
NumericNotEquals          | aws:multifactorauthage | 10  | 10        | false
NumericNotEquals          | aws:multifactorauthage | 10  | <absent>  | true
NumericLessThan           | aws:multifactorauthage | 10  | 9.5       | true
NumericLessThan           | aws:multifactorauthage | 10  | 10        | false
NumericLessThanEquals     | aws:multifactorauthage | 10  | 10        | true
NumericLessThanEquals     | aws:multifactorauthage | 10  | 10.01     | false
NumericGreaterThan        | aws:multifactorauthage | -1.5 | 0        | true
NumericGreaterThan        | aws:multifactorauthage | 10  | 10        | false
NumericGreaterThanEquals  | aws:multifactorauthage | 10  | 10        | true
NumericGreaterThanEquals  | aws:multifactorauthage | 10  | 9         | false
NumericGreaterThanEquals  | aws:multifactorauthage | 10  | <absent>  | false
DateEquals            | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | true
DateEquals            | aws:currenttime | 2026-01-01           | 2026-01-01T00:00:00Z     | true
DateEquals            | aws:currenttime | 1767225600           | 2026-01-01T00:00:00Z     | true
DateEquals            | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:01Z     | false
DateNotEquals         | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z     | true
DateNotEquals         | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | false
DateNotEquals         | aws:currenttime | 2026-01-01T00:00:00Z | <absent>                 | true
DateLessThan          | aws:currenttime | 2026-01-01T00:00:00Z | 2025-12-31T23:59:59Z     | true
DateLessThan          | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | false
DateLessThan          | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T01:00:00+02:00 | true
DateLessThan          | aws:currenttime | 2026-01-01T00:00:00Z | not-a-date               | false
DateLessThan          | aws:currenttime | 2026-01-01T00:00:00Z | <absent>                 | false
DateLessThan          | aws:epochtime   | 2026-01-01T00:00:00Z | 1767225599               | true
DateLessThan          | aws:epochtime   | 2026-01-01T00:00:00Z | 1767225600               | false
DateLessThanEquals    | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | true
DateLessThanEquals    | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00.001Z | false
DateGreaterThan       | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00.001Z | true
DateGreaterThan       | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | false
DateGreaterThanEquals | aws:currenttime | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z     | true
DateGreaterThanEquals | aws:currenttime | 2026-01-01T00:00:00Z | 2025-12-31T23:59:59.999Z | false
Bool                  | aws:securetransport | true  | true     | true
Bool                  | aws:securetransport | true  | TRUE     | true
Bool                  | aws:securetransport | TRUE  | true     | true
Bool                  | aws:securetransport | true  | false    | false
Bool                  | aws:securetransport | false | false    | true
Bool                  | aws:securetransport | false | true     | false
Bool                  | aws:securetransport | true  | yes      | false
Bool                  | aws:securetransport | true  | <absent> | false
BinaryEquals          | s3:x-amz-meta-blob  | QmluYXJ5VmFsdWU= | QmluYXJ5VmFsdWU= | true
BinaryEquals          | s3:x-amz-meta-blob  | QmluYXJ5VmFsdWU= | T3RoZXI=         | false
IpAddress    | aws:sourceip | 203.0.113.0/24          | 203.0.113.77               | true
IpAddress    | aws:sourceip | 203.0.113.0/24          | 203.0.114.1                | false
IpAddress    | aws:sourceip | 203.0.113.5             | 203.0.113.5                | true
IpAddress    | aws:sourceip | 203.0.113.5             | 203.0.113.6                | false
IpAddress    | aws:sourceip | 203.0.113.5/32          | 203.0.113.5                | true
IpAddress    | aws:sourceip | 0.0.0.0/0               | 198.51.100.1               | true
IpAddress    | aws:sourceip | 203.0.113.9/24          | 203.0.113.200              | true
IpAddress    | aws:sourceip | 203.0.113.0/24 ; 198.51.100.0/24 | 198.51.100.3      | true
IpAddress    | aws:sourceip | 2001:db8::/32           | 2001:DB8:1234::1           | true
IpAddress    | aws:sourceip | 2001:db8::/32           | 2001:db9::1                | false
IpAddress    | aws:sourceip | 2001:DB8:1234:5678::/64 | 2001:db8:1234:5678:ffff::1 | true
IpAddress    | aws:sourceip | 2001:db8:1234:5678::/64 | 2001:db8:1234:5679::1      | false
IpAddress    | aws:sourceip | 2001:db8::7             | 2001:db8:0:0:0:0:0:7       | true
IpAddress    | aws:sourceip | 2001:db8::7             | 2001:db8::8                | false
IpAddress    | aws:sourceip | ::/0                    | ::1                        | true
IpAddress    | aws:sourceip | ::1                     | 0:0:0:0:0:0:0:1            | true
IpAddress    | aws:sourceip | 203.0.113.0/24          | ::ffff:203.0.113.9         | true
IpAddress    | aws:sourceip | 203.0.113.0/24          | 2001:db8::1                | false
IpAddress    | aws:sourceip | 2001:db8::/32           | 203.0.113.1                | false
IpAddress    | aws:sourceip | 0.0.0.0/0               | not-an-ip                  | false
IpAddress    | aws:sourceip | 10.0.0.0/8              | <absent>                   | false
NotIpAddress | aws:sourceip | 203.0.113.0/24          | 198.51.100.1               | true
NotIpAddress | aws:sourceip | 203.0.113.0/24          | 203.0.113.1                | false
NotIpAddress | aws:sourceip | 2001:db8::/32           | 2001:db8::5                | false
NotIpAddress | aws:sourceip | 2001:db8::/32           | 2001:db9::5                | true
NotIpAddress | aws:sourceip | 10.0.0.0/8 ; 192.168.0.0/16 | 192.168.1.1            | false
NotIpAddress | aws:sourceip | 10.0.0.0/8              | <absent>                   | true
ArnEquals    | aws:principalarn | arn:aws:iam::123456789012:user/alice | arn:aws:iam::123456789012:user/alice | true
ArnEquals    | aws:principalarn | arn:aws:iam::123456789012:user/alice | arn:aws:iam::123456789012:user/Alice | false
ArnEquals    | aws:principalarn | arn:aws:iam::*:user/*                | arn:aws:iam::123456789012:user/alice | true
ArnEquals    | aws:principalarn | arn:aws:iam::123456789012:user/alice | <absent>                             | false
ArnLike      | aws:principalarn | arn:aws:iam::*:user/*                | arn:aws:iam::123456789012:user/alice | true
ArnLike      | aws:principalarn | arn:aws:iam::*:role/*                | arn:aws:iam::123456789012:user/alice | false
ArnLike      | aws:principalarn | arn:aws:iam::12345678901?:user/alice | arn:aws:iam::123456789012:user/alice | true
ArnLike      | aws:principalarn | arn:aws:iam::*:user/alice            | arn:aws:iam::123:456:user/alice      | false
ArnLike      | aws:principalarn | arn:aws:iam::*:user/*                | not-an-arn                           | false
ArnLike      | aws:principalarn | *                                    | arn:aws:iam::123456789012:user/alice | true
ArnNotEquals | aws:principalarn | arn:aws:iam::123456789012:user/alice | arn:aws:iam::123456789012:user/bob   | true
ArnNotEquals | aws:principalarn | arn:aws:iam::123456789012:user/alice | arn:aws:iam::123456789012:user/alice | false
ArnNotEquals | aws:principalarn | arn:aws:iam::123456789012:user/alice | <absent>                             | true
ArnNotLike   | aws:principalarn | arn:aws:iam::*:user/*                | arn:aws:iam::123456789012:role/ops   | true
ArnNotLike   | aws:principalarn | arn:aws:iam::*:user/*                | arn:aws:iam::123456789012:user/bob   | false
ArnNotLike   | aws:principalarn | arn:aws:iam::*:user/*                | <absent>                             | true
""")
    void operatorsCompareAsIamDocuments(
            String operator, String key, String policyValues, String contextValue, boolean holds) {
        List<String> values = Arrays.stream(policyValues.split(";")).map(String::strip).toList();
        Map<String, List<String>> context =
                contextValue.equals(ABSENT) ? Map.of() : Map.of(key, List.of(contextValue));

        assertEquals(holds, conditionHolds(operator, key, values, context), operator);
        boolean ifExistsHolds = contextValue.equals(ABSENT) || holds;
        assertEquals(
                ifExistsHolds,
                conditionHolds(operator + "IfExists", key, values, context),
                operator + "IfExists");
    }

    @ParameterizedTest(name = "{0}IfExists matches when the key is absent")
    @ValueSource(
            strings = {
                "StringEquals",
                "StringLike",
                "StringEqualsIgnoreCase",
                "NumericEquals",
                "NumericLessThan",
                "DateEquals",
                "DateLessThan",
                "DateGreaterThanEquals",
                "Bool",
                "IpAddress",
                "ArnEquals",
                "ArnLike"
            })
    void ifExistsMatchesAnAbsentKeyThatTheBareOperatorWouldNot(String operator) {
        List<String> value =
                List.of(
                        switch (operator) {
                            case "NumericEquals", "NumericLessThan" -> "10";
                            case "DateEquals", "DateLessThan", "DateGreaterThanEquals" ->
                                    "2026-01-01T00:00:00Z";
                            case "Bool" -> "true";
                            case "IpAddress" -> "10.0.0.0/8";
                            case "ArnEquals", "ArnLike" -> "arn:aws:iam::*:user/*";
                            default -> "x";
                        });

        assertEquals(false, conditionHolds(operator, "aws:somekey", value, Map.of()));
        assertEquals(true, conditionHolds(operator + "IfExists", "aws:somekey", value, Map.of()));
    }
}
