package dev.gatehouse.redis.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void picksDifferentPortsThatAreAllFreeTogether() throws IOException {
        for (int round = 0; round < 50; round++) {
            int[] ports = FreePort.pick(16);
            assertEquals(16, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
            List<ServerSocket> bound = new ArrayList<>();
            try {
                for (int port : ports) { // every one of them can be bound, all at once
                    bound.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                }
            } finally {
                for (ServerSocket socket : bound) {
                    socket.close();
                }
            }
        }
    }
}
