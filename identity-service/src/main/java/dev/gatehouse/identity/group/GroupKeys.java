package dev.gatehouse.identity.group;

import dev.gatehouse.identity.user.UserKeys;

/**
 * Redis keys of the pool's groups, under the pool's hash tag ({@link UserKeys#prefix()}), so that a
 * group, its members and their own group lists live in one Redis Cluster slot. Group names are
 * unique regardless of case, as in Cognito: keys use the folded name, records keep the name as
 * created. Memberships name users by {@code sub}, so a user created again under a deleted user's
 * name never inherits the old memberships.
 */
record GroupKeys(UserKeys pool) {

    /** The group's record (a hash of {@link Group}'s fields). */
    String group(String name) {
        return pool.prefix() + "group:" + UserKeys.fold(name);
    }

    /** The pool's groups: a sorted set of folded names (all score 0, so read in name order). */
    String groups() {
        return pool.prefix() + "groups";
    }

    /** The group's members: a sorted set of subs (score 0). */
    String members(String name) {
        return pool.prefix() + "group-members:" + UserKeys.fold(name);
    }

    /** A deleted group's member list while its members are unlinked (it has a TTL). */
    String deletedMembers(String name, String deletion) {
        return pool.prefix() + "group-members-deleted:" + UserKeys.fold(name) + ":" + deletion;
    }

    /** The groups of one user: a sorted set of folded group names (score 0). */
    String groupsOf(String sub) {
        return pool.prefix() + "user-groups:" + sub;
    }

    /** The index from a sub to its user, which exists exactly as long as the user does. */
    String user(String sub) {
        return pool.sub(sub);
    }
}
