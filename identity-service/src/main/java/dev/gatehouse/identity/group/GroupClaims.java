package dev.gatehouse.identity.group;

import dev.gatehouse.identity.user.UserKeys;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The group claims of a user's tokens: {@code cognito:groups} (ID and access token) and, in the ID
 * token, {@code cognito:roles} and {@code cognito:preferred_role}, which identity pools read for
 * token-based role mapping. Groups are ordered by precedence (lowest value first, groups without
 * one last, then by name); each claim appears only when it has a value. The preferred role is the
 * role of the lowest-precedence group that has one; when several groups share that precedence with
 * different roles, none is preferred (AWS {@code CreateGroup} reference, {@code Precedence}).
 */
public record GroupClaims(List<String> groups, List<String> roles, Optional<String> preferredRole) {

    static final Comparator<Group> BY_PRECEDENCE =
            Comparator.comparing(
                            (Group g) -> g.precedence().orElse(null),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(g -> UserKeys.fold(g.name()));

    public static GroupClaims of(List<Group> memberOf) {
        List<Group> ordered = memberOf.stream().sorted(BY_PRECEDENCE).toList();
        List<String> roles =
                ordered.stream().flatMap(g -> g.roleArn().stream()).distinct().toList();
        Optional<Group> first = ordered.stream().filter(g -> g.roleArn().isPresent()).findFirst();
        Optional<String> preferred =
                first.flatMap(
                        top -> {
                            List<String> tied =
                                    ordered.stream()
                                            .filter(g -> g.roleArn().isPresent())
                                            .filter(g -> g.precedence().equals(top.precedence()))
                                            .map(g -> g.roleArn().get())
                                            .distinct()
                                            .toList();
                            return tied.size() == 1 ? Optional.of(tied.get(0)) : Optional.empty();
                        });
        return new GroupClaims(ordered.stream().map(Group::name).toList(), roles, preferred);
    }

    /** {@code cognito:groups}, for the access token. */
    public Map<String, Object> accessTokenClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", groups);
        }
        return claims;
    }

    /** {@code cognito:groups}, {@code cognito:preferred_role}, {@code cognito:roles}. */
    public Map<String, Object> idTokenClaims() {
        Map<String, Object> claims = accessTokenClaims();
        preferredRole.ifPresent(role -> claims.put("cognito:preferred_role", role));
        if (!roles.isEmpty()) {
            claims.put("cognito:roles", roles);
        }
        return claims;
    }
}
