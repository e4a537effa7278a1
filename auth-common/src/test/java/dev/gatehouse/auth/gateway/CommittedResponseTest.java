package dev.gatehouse.auth.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Whatever a route does with client input, a request gets a complete answer or sees its connection
 * end within a bound: never an open socket with no answer (raw HTTP/1.1 over a real socket).
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CommittedResponseTest {

    private static final int BOUND_MILLIS = 5_000;

    @TestHTTPResource("/")
    URI root;

    /** What the server sent before closing; fails if the connection is still open at the bound. */
    private String exchange(String pathAndQuery) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(BOUND_MILLIS);
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + pathAndQuery
                                            + " HTTP/1.1\r\nHost: localhost\r\n"
                                            + "Connection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) { // SocketTimeoutException: left hanging
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void headerEchoingControlCharactersIsAnsweredWhole() throws Exception {
        for (String bad : new String[] {"%00", "%0B", "%0C", "%7F", "%09%00%1F"}) {
            String response = exchange("/hostile/echo?value=a" + bad + "b");
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("\r\nx-amzn-ErrorMessage: a b\r\n"), response);
            assertTrue(response.contains("x-amzn-RequestId: "), response);
            assertTrue(response.endsWith("{}"), response);
        }
        String response = exchange("/hostile/echo?value=a%0D%0Ax-injected:%201%C3%A9");
        assertTrue(response.contains("\r\nx-amzn-ErrorMessage: a x-injected: 1?\r\n"), response);
        assertTrue(response.lines().noneMatch(line -> line.startsWith("x-injected")), response);
    }

    @Test
    void overlongHeaderEchoIsCut() throws Exception {
        String response = exchange("/hostile/echo?value=" + "v".repeat(3000));
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        assertTrue(response.contains("v".repeat(1021) + "...\r\n"), response);
    }

    @Test
    void unwritableHeaderAfterCommitEndsTheConnection() throws Exception {
        String response = exchange("/hostile/late-header?value=a%00b");
        assertEquals("", response, "nothing half-written, and the connection ended");
    }

    @Test
    void bodyFailingHalfWayEndsTheConnection() throws Exception {
        String response = exchange("/hostile/broken-body");
        assertTrue(response.startsWith("HTTP/1.1 200 "), response.lines().findFirst().orElse(""));
        assertTrue(response.length() < 256 * 1024 + 4096, "no error page appended");
    }
}
