package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.protocol.CognitoException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A page's form as the user filled it in ({@link FormView#filled}), ready to be shown again: as it
 * is, or with the reason it was refused, in the user's terms and with the status of {@link
 * PageError}.
 */
@FunctionalInterface
public interface FilledForm {

    /** The form with {@code error} (if any), as a response of {@code status}. */
    PageOutcome render(int status, Optional<String> error);

    /** The form, 200, nothing refused. */
    default PageOutcome show() {
        return render(200, Optional.empty());
    }

    /** The form with the refusal's message and status. */
    default PageOutcome refuse(PageError error) {
        return render(error.status(), Optional.of(error.message()));
    }

    /** The form refused by the page itself, before any call (a field left empty): 400. */
    default PageOutcome missing(String message) {
        return refuse(PageError.field(message));
    }

    /** {@code operation} of the user pool API; its refusal is shown on this form. */
    default PageOutcome call(Supplier<PageOutcome> operation) {
        try {
            return operation.get();
        } catch (CognitoException e) {
            return refuse(PageError.of(e));
        }
    }
}
