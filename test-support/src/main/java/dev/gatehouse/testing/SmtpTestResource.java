package dev.gatehouse.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.redis.local.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the application under test, shared by the test
 * classes of a JVM; tests read what it received (verification codes, receipts).
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

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

    /** The messages received for {@code email}, waiting up to 10 s for at least {@code count}. */
    public static MimeMessage[] awaitMessagesTo(String email, int count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        MimeMessage[] messages = messagesTo(email);
        while (messages.length < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            messages = messagesTo(email);
        }
        return messages;
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
