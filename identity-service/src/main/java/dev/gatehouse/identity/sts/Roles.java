package dev.gatehouse.identity.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.IamPrincipal;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite's roles by ARN with their trust policies ({@code
 * gatehouse.iam.principals.<name>.assume-role-policy-document}), parsed once at startup; a trust
 * policy that does not parse stops the service, naming the property.
 */
@ApplicationScoped
public class Roles {

    /** A role that can be assumed: the principal (its policies) and its trust policy. */
    public record Role(IamPrincipal principal, Optional<TrustPolicy> trust) {}

    private final Map<String, Role> byArn = new LinkedHashMap<>();

    Roles(PrincipalCatalog principals, IamConfig config, ObjectMapper json) {
        List<String> errors = new ArrayList<>();
        principals
                .all()
                .forEach(
                        (name, principal) -> {
                            if (!principal.role()) {
                                return;
                            }
                            Optional<TrustPolicy> trust = Optional.empty();
                            Optional<String> document =
                                    Optional.ofNullable(config.principals().get(name))
                                            .flatMap(IamConfig.Principal::assumeRolePolicyDocument);
                            if (document.isPresent()) {
                                try {
                                    trust = Optional.of(TrustPolicy.parse(json, document.get()));
                                } catch (InvalidPolicyException e) {
                                    errors.add(
                                            "gatehouse.iam.principals."
                                                    + name
                                                    + ".assume-role-policy-document: "
                                                    + e.getMessage());
                                }
                            }
                            byArn.put(principal.arn(), new Role(principal, trust));
                        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid trust policies:\n  " + String.join("\n  ", errors));
        }
    }

    public Optional<Role> role(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }
}
