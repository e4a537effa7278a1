package dev.gatehouse.identity.group.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * User pool groups declared in the suite configuration, with the properties of {@code
 * AWS::Cognito::UserPoolGroup}, by group name: {@code
 * gatehouse.identity.groups.<GroupName>.role-arn=arn:aws:iam::123456789012:role/Admins}. They are
 * provisioned at every start: created if missing, their settings rewritten from the file if they
 * differ (the file is the truth for what it declares), their members kept. Groups no longer in the
 * file are kept, as the API may have added members. A declared group needs at least one key set.
 */
@ConfigMapping(prefix = "gatehouse.identity.groups")
public interface GroupsConfig {

    /** The groups by {@code GroupName} (1-128 letters, marks, symbols, digits, punctuation). */
    @WithParentName
    Map<String, GroupConfig> groups();

    /** One {@code AWS::Cognito::UserPoolGroup}. */
    interface GroupConfig {

        /** {@code Description}: up to 2048 characters. */
        Optional<String> description();

        /**
         * {@code RoleArn}: the IAM role the group's members prefer with an identity pool; it goes
         * into their ID tokens' {@code cognito:roles} (and {@code cognito:preferred_role}).
         */
        Optional<String> roleArn();

        /**
         * {@code Precedence}: 0 or more; lower values win the preferred role, groups without one
         * lose to any group with one.
         */
        Optional<Integer> precedence();
    }
}
