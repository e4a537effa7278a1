package dev.gatehouse.auth.iam.credentials;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import dev.gatehouse.auth.iam.policy.PolicyDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured principals, validated once at startup: every error names its property, and any
 * error stops the service (a gateway with half its principals is worse than none).
 */
public final class PrincipalCatalog {

    private static final Pattern IAM_ARN =
            Pattern.compile(
                    "arn:aws:iam::(\\d{12}):(user|role)(/[\\x21-\\x7e]*)?/[\\w+=,.@-]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final Map<String, IamPrincipal> principals;

    private PrincipalCatalog(Map<String, IamPrincipal> principals) {
        this.principals = Collections.unmodifiableMap(principals);
    }

    public static PrincipalCatalog from(IamConfig config) {
        List<String> errors = new ArrayList<>();
        if (!ACCOUNT.matcher(config.accountId()).matches()) {
            errors.add("gatehouse.account-id must be 12 digits, not '" + config.accountId() + "'");
        }
        Map<String, IamPrincipal> principals = new LinkedHashMap<>();
        config.principals()
                .forEach(
                        (name, principal) ->
                                principal(config, name, principal, errors)
                                        .ifPresent(p -> principals.put(name, p)));
        if (!errors.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid IAM configuration:\n  " + String.join("\n  ", errors));
        }
        return new PrincipalCatalog(principals);
    }

    public Optional<IamPrincipal> principal(String name) {
        return Optional.ofNullable(principals.get(name));
    }

    public Map<String, IamPrincipal> all() {
        return principals;
    }

    private static Optional<IamPrincipal> principal(
            IamConfig config, String name, IamConfig.Principal principal, List<String> errors) {
        String prefix = "gatehouse.iam.principals." + name + ".";
        int before = errors.size();
        var arn = IAM_ARN.matcher(principal.arn());
        if (!arn.matches()) {
            errors.add(
                    prefix
                            + "arn must look like arn:aws:iam::<12 digits>:user/<name> or"
                            + " ...:role/<name>, not '"
                            + principal.arn()
                            + "'");
        }
        principal
                .accessKeyId()
                .filter(id -> !KeyMaterial.isAccessKeyId(id, KeyMaterial.LONG_TERM_PREFIX))
                .ifPresent(
                        id ->
                                errors.add(
                                        prefix
                                                + "access-key-id must be AKIA followed by 16 of"
                                                + " A-Z and 2-7"));
        principal
                .secretAccessKey()
                .filter(secret -> !KeyMaterial.isSecretAccessKey(secret))
                .ifPresent(
                        secret ->
                                errors.add(
                                        prefix
                                                + "secret-access-key must be 40 of A-Z a-z 0-9 / +"
                                                + " (value not shown)"));
        if (principal.secretAccessKey().isPresent() && principal.accessKeyId().isEmpty()) {
            errors.add(prefix + "secret-access-key needs access-key-id");
        }
        List<PolicyDocument> policies = new ArrayList<>();
        for (String file : principal.policyFiles().orElse(List.of())) {
            Path path = config.policyDir().resolve(file.trim());
            try {
                policies.add(PolicyDocument.parse(Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                errors.add(prefix + "policy-files: cannot read " + path.toAbsolutePath());
            } catch (InvalidPolicyException e) {
                errors.add(prefix + "policy-files: " + path.getFileName() + ": " + e.getMessage());
            }
        }
        if (principal.policy().isPresent()) {
            try {
                policies.add(PolicyDocument.parse(principal.policy().get()));
            } catch (InvalidPolicyException e) {
                errors.add(prefix + "policy: " + e.getMessage());
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        boolean role = principal.arn().contains(":role/");
        return Optional.of(
                new IamPrincipal(
                        name,
                        principal.arn(),
                        arn.group(1),
                        KeyMaterial.uniqueId(principal.arn(), role),
                        List.copyOf(policies)));
    }
}
