package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends verification codes by email (SMTP), with Cognito's default message text. */
@ApplicationScoped
public class CodeMailer {

    private final Mailer mailer;
    private final IdentityConfig config;

    CodeMailer(Mailer mailer, IdentityConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void send(String email, String code) {
        if (config.codes().log()) {
            Log.infof("verification code for %s: %s", email, code);
        }
        deliver(email, "Your verification code", "Your verification code is " + code + ". ");
    }

    /** AdminCreateUser's invitation, in Cognito's default wording. */
    public void sendInvitation(String email, String username, String temporaryPassword) {
        if (config.codes().log()) {
            Log.infof("temporary password for %s: %s", username, temporaryPassword);
        }
        deliver(
                email,
                "Your temporary password",
                "Your username is "
                        + username
                        + " and temporary password is "
                        + temporaryPassword
                        + ". ");
    }

    /**
     * Sends once more after a failure: the SMTP client pools connections, and a server may drop or
     * stall one it holds idle (answering 421 when its own timeout fires); the second attempt gets a
     * fresh connection. Two failures are Cognito's CodeDeliveryFailureException.
     */
    private void deliver(String email, String subject, String text) {
        Mail mail = Mail.withText(email, subject, text).setFrom(config.codes().from());
        try {
            mailer.send(mail);
        } catch (RuntimeException first) {
            Log.infof("sending to %s failed once, retrying: %s", email, first.getMessage());
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                Log.warnf("cannot send the verification code to %s: %s", email, e.getMessage());
                throw CognitoErrors.codeDeliveryFailure();
            }
        }
    }
}
