package dev.gatehouse.deploy;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the launcher's local mailboxes the way a person would: over POP3, any password. */
final class Pop3Mailbox {

    private Pop3Mailbox() {}

    /** The first message of a mailbox, read over POP3 as a mail client would (any password). */
    static String firstMessage(int pop3, String mailbox) throws Exception {
        return messageContaining(pop3, mailbox, "");
    }

    /**
     * The first message of a mailbox that contains {@code text}, waiting up to 20 s for it; empty
     * when none does.
     */
    static String messageContaining(int pop3, String mailbox, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", pop3)) {
                socket.setSoTimeout(5_000);
                var in =
                        new java.io.BufferedReader(
                                new java.io.InputStreamReader(
                                        socket.getInputStream(), StandardCharsets.UTF_8));
                var out = socket.getOutputStream();
                in.readLine();
                for (String command : List.of("USER " + mailbox, "PASS x")) {
                    out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
                    in.readLine();
                }
                for (int n = 1; ; n++) {
                    out.write(("RETR " + n + "\r\n").getBytes(StandardCharsets.UTF_8));
                    String status = in.readLine();
                    if (status == null || !status.startsWith("+OK")) {
                        break;
                    }
                    StringBuilder message = new StringBuilder();
                    for (String line = in.readLine();
                            line != null && !line.equals(".");
                            line = in.readLine()) {
                        message.append(line).append('\n');
                    }
                    if (message.indexOf(text) >= 0) {
                        return message.toString();
                    }
                }
            }
            if (System.currentTimeMillis() > deadline) {
                return "";
            }
            Thread.sleep(200);
        }
    }
}
