package dev.gatehouse.identity.sts;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRejection;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed STS call (signing name {@code sts}): auth-common's IAM authorizer verifies the
 * signature, the credentials (temporary ones included, refused once expired) and the caller's
 * identity policies for {@code sts:<Action>}; its refusals become STS's codes.
 */
@ApplicationScoped
public class SignedCallers {

    private static final Pattern DENIED_USER = Pattern.compile("^User: (\\S+) is not authorized");

    private final IamConfig config;
    private final Instance<IamAuthorizer> authorizer;

    SignedCallers(IamConfig config, Instance<IamAuthorizer> authorizer) {
        this.config = config;
        this.authorizer = authorizer;
    }

    /** The caller, allowed to perform {@code action} on {@code resource}; else STS's error. */
    public RequestIdentity authorize(
            HttpServerRequest http, byte[] body, String action, String resource) {
        if (!config.enabled()) {
            throw new StsException(
                    "InvalidClientTokenId",
                    "The security token included in the request is invalid.",
                    403);
        }
        IamOutcome outcome =
                authorizer
                        .get()
                        .authorize(
                                new IamRequest(
                                        VertxSignedRequests.of(http, body),
                                        action,
                                        resource,
                                        http.remoteAddress() == null
                                                ? null
                                                : http.remoteAddress().hostAddress(),
                                        http.isSSL()))
                        .await()
                        .atMost(config.redisTimeout().plus(Duration.ofSeconds(1)));
        if (!outcome.allowed()) {
            throw stsError(outcome.rejection(), action, resource);
        }
        return outcome.identity();
    }

    private static StsException stsError(IamRejection rejection, String action, String resource) {
        String message = message(rejection.body());
        return switch (rejection.errorType()) {
            case "MissingAuthenticationTokenException" ->
                    new StsException(
                            "MissingAuthenticationToken",
                            "Request is missing Authentication Token",
                            403);
            case "IncompleteSignatureException" ->
                    new StsException("IncompleteSignature", message, 400);
            case "InvalidSignatureException" ->
                    new StsException("SignatureDoesNotMatch", message, 403);
            case "ExpiredTokenException" -> new StsException("ExpiredToken", message, 400);
            case "AccessDeniedException" -> {
                Matcher user = DENIED_USER.matcher(message);
                yield user.find()
                        ? StsErrors.accessDenied(
                                "User: "
                                        + user.group(1)
                                        + " is not authorized to perform: "
                                        + action
                                        + " on resource: "
                                        + resource)
                        : new StsException("InvalidClientTokenId", message, 403);
            }
            default -> {
                Log.warnf("STS call refused: %s %s", rejection.errorType(), message);
                yield StsErrors.internal();
            }
        };
    }

    private static String message(String body) {
        Matcher m = Pattern.compile("\"[Mm]essage\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        return m.find()
                ? m.group(1).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\")
                : "";
    }
}
