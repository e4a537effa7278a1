package dev.gatehouse.identity;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared test SMTP server ({@link dev.gatehouse.testing.SmtpTestResource}), plus reading the
 * verification codes identity-service mails.
 */
public class SmtpTestResource extends dev.gatehouse.testing.SmtpTestResource {

    private static final Pattern CODE = Pattern.compile("Your verification code is (\\d{6})\\.");

    /** The code in the latest message sent to {@code email}. */
    public static String lastCodeFor(String email) {
        return lastCodeFor(email, 0);
    }

    /**
     * The code in the latest message to {@code email}, waiting until there are more than {@code
     * seen}.
     */
    public static String lastCodeFor(String email, int seen) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = messagesTo(email);
            if (messages.length > seen) {
                Matcher code = CODE.matcher(GreenMailUtil.getBody(messages[messages.length - 1]));
                if (code.find()) {
                    return code.group(1);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no verification code was mailed to " + email);
    }
}
