package dev.gatehouse.identity.group;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Principals for the group operations (test-only keys) and two groups from the configuration: the
 * {@code groups} principal may call every {@code cognito-idp} operation except DeleteGroup, which
 * its policy denies explicitly; the suite's {@code reader} may only call AdminGetUser.
 */
public class GroupsProfile implements QuarkusTestProfile {

    static final String ACCESS_KEY = "AKIAIDENTITYTESTGRPS";
    static final String SECRET = "IdentityServiceTestGroupsSecret000000000";
    static final String DELETER_KEY = "AKIAIDENTITYTESTGDEL";
    static final String DELETER_SECRET = "IdentityServiceTestGroupDeleter000000000";
    static final String EDITORS_ROLE = "arn:aws:iam::123456789012:role/Editors";

    @Override
    public Map<String, String> getConfigOverrides() {
        String principals = "gatehouse.iam.principals.";
        return Map.ofEntries(
                Map.entry(principals + "groups.arn", "arn:aws:iam::123456789012:user/groups"),
                Map.entry(principals + "groups.access-key-id", ACCESS_KEY),
                Map.entry(principals + "groups.secret-access-key", SECRET),
                Map.entry(
                        principals + "groups.policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":["
                                + "{\"Effect\":\"Allow\",\"Action\":\"cognito-idp:*\","
                                + "\"Resource\":\"arn:aws:cognito-idp:*:*:userpool/*\"},"
                                + "{\"Effect\":\"Deny\",\"Action\":\"cognito-idp:DeleteGroup\","
                                + "\"Resource\":\"*\"}]}"),
                Map.entry(principals + "deleter.arn", "arn:aws:iam::123456789012:user/deleter"),
                Map.entry(principals + "deleter.access-key-id", DELETER_KEY),
                Map.entry(principals + "deleter.secret-access-key", DELETER_SECRET),
                Map.entry(
                        principals + "deleter.policy",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":[\"cognito-idp:DeleteGroup\","
                                + "\"cognito-idp:AdminDeleteUser\"],\"Resource\":\"*\"}]}"),
                Map.entry("gatehouse.identity.groups.Editors.role-arn", EDITORS_ROLE),
                Map.entry("gatehouse.identity.groups.Editors.precedence", "1"),
                Map.entry("gatehouse.identity.groups.Editors.description", "Edit the catalog"),
                Map.entry("gatehouse.identity.groups.readers.description", "Read only"));
    }
}
