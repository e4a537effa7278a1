package dev.gatehouse.identity.group;

import dev.gatehouse.identity.admin.AdminAuthorization;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup: SigV4-signed and checked against
 * {@code cognito-idp:<Operation>} policies first (as the Admin* operations), then {@code
 * UserPoolId}, then the members against the model's constraints; a refused call changes nothing.
 */
@ApplicationScoped
public class GroupOperations implements OperationSet {

    static final String GROUP_NOT_FOUND = "Group not found.";

    private final AdminAuthorization authorization;
    private final UserPool pool;
    private final GroupStore groups;
    private final Clock clock = Clock.systemUTC();

    GroupOperations(AdminAuthorization authorization, UserPool pool, GroupStore groups) {
        this.authorization = authorization;
        this.pool = pool;
        this.groups = groups;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "CreateGroup", signed("CreateGroup", this::create),
                "GetGroup", signed("GetGroup", this::get),
                "ListGroups", signed("ListGroups", this::list),
                "UpdateGroup", signed("UpdateGroup", this::update),
                "DeleteGroup", signed("DeleteGroup", this::delete));
    }

    /** Authorizes, checks the pool, then serves {@code operation}. */
    static CognitoOperation signed(
            AdminAuthorization authorization,
            UserPool pool,
            String operation,
            Function<CognitoRequest, Object> handler) {
        return (request, call) -> {
            authorization.authorize(operation, call);
            pool.requirePool(request.required("UserPoolId"));
            return handler.apply(request);
        };
    }

    private CognitoOperation signed(String operation, Function<CognitoRequest, Object> handler) {
        return signed(authorization, pool, operation, handler);
    }

    Object create(CognitoRequest request) {
        String name = request.required("GroupName");
        Optional<String> description = request.optional("Description");
        Optional<String> roleArn = request.optional("RoleArn");
        Optional<Integer> precedence = request.integer("Precedence");
        new GroupRules()
                .groupName(name)
                .description("description", description)
                .roleArn("roleArn", roleArn)
                .precedence("precedence", precedence)
                .check();
        long now = clock.instant().getEpochSecond();
        Group group = new Group(name, description, roleArn, precedence, now, now, GroupSource.API);
        return switch (groups.create(group)) {
            case CREATED -> Members.of("Group", group.groupType(pool.id()));
            case NAME_TAKEN -> throw groupExists();
            case POOL_FULL ->
                    // UNVERIFIED wording: the quota (10,000 groups per pool) is documented, the
                    // message is not.
                    throw new CognitoException(
                            "LimitExceededException",
                            "The maximum number of groups for the user pool has been reached.");
        };
    }

    Object get(CognitoRequest request) {
        return Members.of("Group", existing(request).groupType(pool.id()));
    }

    Object list(CognitoRequest request) {
        Paging.Page<Group> page = groups.list(Paging.of(request));
        return Members.of(
                "Groups",
                page.entries().stream().map(g -> g.groupType(pool.id())).toList(),
                "NextToken",
                page.nextToken().orElse(null));
    }

    /** The members given replace the group's; the ones left out keep their value (as moto). */
    Object update(CognitoRequest request) {
        String name = request.required("GroupName");
        Optional<String> description = request.optional("Description");
        Optional<String> roleArn = request.optional("RoleArn");
        Optional<Integer> precedence = request.integer("Precedence");
        new GroupRules()
                .groupName(name)
                .description("description", description)
                .roleArn("roleArn", roleArn)
                .precedence("precedence", precedence)
                .check();
        Group current = groups.find(name).orElseThrow(GroupOperations::groupNotFound);
        Group updated =
                new Group(
                        current.name(),
                        description.or(current::description),
                        roleArn.or(current::roleArn),
                        precedence.or(current::precedence),
                        current.creationDate(),
                        clock.instant().getEpochSecond(),
                        current.source());
        if (!groups.replace(updated)) {
            throw groupNotFound();
        }
        return Members.of("Group", updated.groupType(pool.id()));
    }

    Object delete(CognitoRequest request) {
        String name = request.required("GroupName");
        new GroupRules().groupName(name).check();
        if (!groups.delete(name)) {
            throw groupNotFound();
        }
        return Map.of();
    }

    private Group existing(CognitoRequest request) {
        String name = request.required("GroupName");
        new GroupRules().groupName(name).check();
        return groups.find(name).orElseThrow(GroupOperations::groupNotFound);
    }

    static CognitoException groupNotFound() {
        return new CognitoException("ResourceNotFoundException", GROUP_NOT_FOUND);
    }

    static CognitoException groupExists() {
        // As captured from AWS (aws-amplify/amplify-backend#1781), name left out and all.
        return new CognitoException(
                "GroupExistsException", "A group with the name already exists.");
    }
}
