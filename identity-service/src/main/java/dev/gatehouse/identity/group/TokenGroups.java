package dev.gatehouse.identity.group;

import dev.gatehouse.identity.user.User;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The group claims of a user at the moment tokens are issued (sign-in and refresh alike, so a
 * refresh reflects membership changes made since the sign-in): two Redis round trips, the user's
 * group list and then their records.
 */
@ApplicationScoped
public class TokenGroups {

    private final Memberships memberships;
    private final GroupStore groups;

    TokenGroups(Memberships memberships, GroupStore groups) {
        this.memberships = memberships;
        this.groups = groups;
    }

    public GroupClaims of(User user) {
        return GroupClaims.of(groups.read(memberships.groupsOf(user.sub())));
    }
}
