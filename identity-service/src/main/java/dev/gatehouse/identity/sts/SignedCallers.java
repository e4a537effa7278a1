package dev.gatehouse.identity.sts;

import dev.gatehouse.auth.api.IamAuthorization;
import dev.gatehouse.auth.api.IamDecision;
import dev.gatehouse.auth.api.RequestIdentity;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final IamAuthorization iam;

    SignedCallers(IamAuthorization iam) {
        this.iam = iam;
    }

    /** The caller, allowed to perform {@code action} on {@code resource}; else STS's error. */
    public RequestIdentity authorize(
            HttpServerRequest http, byte[] body, String action, String resource) {
        if (!iam.enabled()) {
            throw new StsException(
                    "InvalidClientTokenId",
                    "The security token included in the request is invalid.",
                    403);
        }
        IamDecision decision = iam.authorize(http, body, action, resource).await().indefinitely();
        if (decision instanceof IamDecision.Refused refused) {
            throw stsError(refused, action, resource);
        }
        return ((IamDecision.Allowed) decision).caller();
    }

    private static StsException stsError(
            IamDecision.Refused rejection, String action, String resource) {
        String message = rejection.message();
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
}
