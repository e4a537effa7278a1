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

    private void deliver(String email, String subject, String text) {
        try {
            mailer.send(Mail.withText(email, subject, text).setFrom(config.codes().from()));
        } catch (RuntimeException e) {
            Log.warnf("cannot send the verification code to %s: %s", email, e.getMessage());
            throw CognitoErrors.codeDeliveryFailure();
        }
    }
}
