package dev.gatehouse.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.redis.local.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free port for the application under test; tests read the
 * verification codes from what it received.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CODE = Pattern.compile("Your verification code is (\\d{6})\\.");
    private static GreenMail smtp;

    @Override
    public synchronized Map<String, String> start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", "smtp"));
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "stop-test-smtp"));
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // Shared by the test classes of this JVM; stopped at exit.
    }

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
            smtp.waitForIncomingEmail(200, 1);
        }
        throw new AssertionError("no verification code was mailed to " + email);
    }

    public static MimeMessage[] messagesTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> sentTo(m, email))
                .toArray(MimeMessage[]::new);
    }

    private static boolean sentTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            return false;
        }
    }
}
