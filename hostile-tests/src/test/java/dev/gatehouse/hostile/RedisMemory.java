package dev.gatehouse.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** {@code INFO memory} of the launcher's Redis over RESP (with AUTH when it has a password). */
final class RedisMemory {

    private RedisMemory() {}

    /** {@code used_memory} in bytes. */
    static long used(int port, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(command("AUTH", password));
                String reply = line(in);
                if (!reply.startsWith("+OK")) {
                    throw new IOException("AUTH refused: " + reply);
                }
            }
            out.write(command("INFO", "memory"));
            String header = line(in);
            if (!header.startsWith("$")) {
                throw new IOException("INFO failed: " + header);
            }
            byte[] info = in.readNBytes(Integer.parseInt(header.substring(1)) + 2);
            for (String field : new String(info, StandardCharsets.UTF_8).split("\r\n")) {
                if (field.startsWith("used_memory:")) {
                    return Long.parseLong(field.substring("used_memory:".length()).strip());
                }
            }
            throw new IOException("no used_memory in INFO memory");
        }
    }

    private static byte[] command(String... args) {
        StringBuilder resp = new StringBuilder("*" + args.length + "\r\n");
        for (String arg : args) {
            resp.append('$')
                    .append(arg.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(arg)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
