package dev.gatehouse.identity.group;

import dev.gatehouse.identity.protocol.Members;
import java.util.Map;
import java.util.Optional;

/**
 * A user pool group ({@code GroupType}): the name as created, the optional description, IAM role
 * and precedence (lower wins, absent loses to any value), epoch-second dates, and where it was
 * declared.
 */
public record Group(
        String name,
        Optional<String> description,
        Optional<String> roleArn,
        Optional<Integer> precedence,
        long creationDate,
        long lastModifiedDate,
        GroupSource source) {

    /** {@code GroupType} as the API returns it (absent members left out, as AWS JSON does). */
    public Map<String, Object> groupType(String poolId) {
        return Members.of(
                "GroupName", name,
                "UserPoolId", poolId,
                "Description", description.orElse(null),
                "RoleArn", roleArn.orElse(null),
                "Precedence", precedence.orElse(null),
                "LastModifiedDate", lastModifiedDate,
                "CreationDate", creationDate);
    }
}
