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
        try {
            mailer.send(
                    Mail.withText(
                                    email,
                                    "Your verification code",
                                    "Your verification code is " + code + ". ")
                            .setFrom(config.codes().from()));
        } catch (RuntimeException e) {
            Log.warnf("cannot send the verification code to %s: %s", email, e.getMessage());
            throw CognitoErrors.codeDeliveryFailure();
        }
    }
}
