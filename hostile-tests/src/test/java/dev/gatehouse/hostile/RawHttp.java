package dev.gatehouse.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link Probe} over a plain socket and reads the answer within a deadline. No HTTP client
 * library in between: it would refuse or repair exactly the requests a hostile caller sends.
 */
final class RawHttp {

    private RawHttp() {}

    static Answer send(Probe probe, long deadlineMillis) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", probe.port()), (int) deadlineMillis);
            socket.setSoTimeout((int) deadlineMillis);
            try {
                socket.getOutputStream().write(probe.wire());
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer (413, 431) and close before reading everything: read on.
            }
            byte[] raw =
                    readAll(
                            socket.getInputStream(),
                            start,
                            deadlineMillis,
                            probe.method().equals("HEAD"));
            return parse(raw, millis(start));
        } catch (SocketTimeoutException e) {
            return new Answer(Answer.NO_ANSWER, Map.of(), "", millis(start));
        } catch (IOException e) {
            return new Answer(Answer.CLOSED, Map.of(), e.toString(), millis(start));
        }
    }

    /** Until the server closes (every probe asks for Connection: close) or the deadline. */
    private static byte[] readAll(InputStream in, long start, long deadlineMillis, boolean head)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            if (millis(start) > deadlineMillis) {
                throw new SocketTimeoutException("deadline");
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                if (out.size() > 0 && complete(out.toByteArray(), head)) {
                    break; // reset after a whole answer
                }
                throw e;
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            if (complete(out.toByteArray(), head)) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Whether the bytes hold a whole answer (a server may keep the connection open anyway). */
    private static boolean complete(byte[] raw, boolean head) {
        int end = headerEnd(raw);
        if (end < 0) {
            return false;
        }
        if (head) {
            return true;
        }
        Map<String, List<String>> headers = headers(raw, end);
        String length = first(headers, "content-length");
        if (length != null) {
            try {
                return raw.length - end >= Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            String tail = new String(raw, end, raw.length - end, StandardCharsets.ISO_8859_1);
            return tail.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Answer parse(byte[] raw, long millis) {
        int end = headerEnd(raw);
        if (end < 0) {
            return new Answer(
                    Answer.CLOSED, Map.of(), new String(raw, StandardCharsets.ISO_8859_1), millis);
        }
        String statusLine = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")[0];
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            return new Answer(Answer.CLOSED, Map.of(), statusLine, millis);
        }
        Map<String, List<String>> headers = headers(raw, end);
        byte[] body = java.util.Arrays.copyOfRange(raw, end, raw.length);
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), millis);
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 3; i < raw.length; i++) {
            if (raw[i - 3] == '\r' && raw[i - 2] == '\n' && raw[i - 1] == '\r' && raw[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static Map<String, List<String>> headers(byte[] raw, int end) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length
                    && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int n;
            try {
                n = Integer.parseInt(size.split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(body, from, Math.min(n, body.length - from));
            at = from + n + 2;
        }
        return out.toByteArray();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
