package dev.gatehouse.index.signin;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who is signed in on this request. Authentication is lazy ({@code quarkus.http.auth.proactive=
 * false}): the session cookie is read only when a page asks, so the public page costs an anonymous
 * visitor nothing. A session cookie that no longer opens (expired beyond refresh, or sealed with
 * another key) counts as signed out, never as an error page.
 */
@ApplicationScoped
public class SignedInCustomers {

    private final CurrentIdentityAssociation identities;

    SignedInCustomers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Optional<Customer>> current() {
        return identities
                .getDeferredIdentity()
                .map(Customer::of)
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            Log.debugf("session not accepted: %s", failure.toString());
                            return Optional.empty();
                        });
    }
}
