package dev.gatehouse.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One HTTP/1.1 request exactly as it goes on the wire: the request line, the headers in order
 * (repeats and any bytes allowed), the body. Immutable; each {@code with...} returns a copy, so a
 * case forges a hostile request by changing a real one.
 *
 * @param port where it is sent (127.0.0.1)
 * @param target the request target as written: path and raw query
 */
record Probe(int port, String method, String target, List<Header> headers, byte[] body) {

    /** A header line; the value is written as ISO-8859-1, so any byte 0-255 can be sent. */
    record Header(String name, String value) {}

    static Probe of(int port, String method, String target) {
        return new Probe(port, method, target, List.of(), new byte[0]);
    }

    Probe with(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new Probe(port, method, target, List.copyOf(copy), body);
    }

    /** Replaces every header of that name (case-insensitive) with one, or adds it. */
    Probe set(String name, String value) {
        return without(name).with(name, value);
    }

    Probe without(String name) {
        return new Probe(
                port,
                method,
                target,
                headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList(),
                body);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst()
                .orElse(null);
    }

    /** Rewrites one header's value (first of that name); absent headers stay absent. */
    Probe mapHeader(String name, UnaryOperator<String> change) {
        String value = header(name);
        return value == null ? this : set(name, change.apply(value));
    }

    Probe withBody(byte[] bytes) {
        return new Probe(port, method, target, headers, bytes);
    }

    Probe withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    Probe withTarget(String newTarget) {
        return new Probe(port, method, newTarget, headers, body);
    }

    Probe withMethod(String newMethod) {
        return new Probe(port, newMethod, target, headers, body);
    }

    Probe withPort(int newPort) {
        return new Probe(newPort, method, target, headers, body);
    }

    /**
     * The bytes sent: {@code Content-Length} is added for a body unless the probe frames it itself,
     * and {@code Connection: close} so that the answer ends with the connection.
     */
    byte[] wire() {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        boolean framed = false;
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            framed |= name.equals("content-length") || name.equals("transfer-encoding");
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (!framed && (body.length > 0 || !method.equals("GET"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (header("connection") == null) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
