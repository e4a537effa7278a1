package dev.gatehouse.benchmarks.faults;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * One direction of a {@link LatencyProxy} connection: each chunk read from {@code from} is written
 * to {@code to} {@code delay} ms after it arrived, in arrival order. Runs on the connection's event
 * loop (the upstream socket is connected from the downstream one's context), so it needs no locks.
 * When {@code from} closes, {@code to} is closed once what is still held has been written.
 */
final class DelayedPipe {

    private record Held(long dueNanos, Buffer data) {}

    private final Vertx vertx;
    private final NetSocket from;
    private final NetSocket to;
    private final LongSupplier delayMillis;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private boolean timerSet;
    private boolean ended;

    private DelayedPipe(Vertx vertx, NetSocket from, NetSocket to, LongSupplier delayMillis) {
        this.vertx = vertx;
        this.from = from;
        this.to = to;
        this.delayMillis = delayMillis;
    }

    static void between(Vertx vertx, NetSocket from, NetSocket to, LongSupplier delayMillis) {
        DelayedPipe pipe = new DelayedPipe(vertx, from, to, delayMillis);
        from.handler(pipe::received);
        from.closeHandler(v -> pipe.ended());
        from.exceptionHandler(e -> from.close());
    }

    private void received(Buffer data) {
        long delay = delayMillis.getAsLong();
        if (delay == 0 && held.isEmpty()) {
            write(data);
            return;
        }
        held.add(new Held(System.nanoTime() + delay * 1_000_000, data));
        schedule();
    }

    private void ended() {
        ended = true;
        if (held.isEmpty()) {
            to.close();
        }
    }

    private void schedule() {
        if (timerSet || held.isEmpty()) {
            return;
        }
        long waitNanos = held.peek().dueNanos() - System.nanoTime();
        timerSet = true;
        vertx.setTimer(
                Math.max(1, (waitNanos + 999_999) / 1_000_000),
                id -> {
                    timerSet = false;
                    long now = System.nanoTime();
                    while (!held.isEmpty() && held.peek().dueNanos() <= now) {
                        write(held.poll().data());
                    }
                    if (held.isEmpty() && ended) {
                        to.close();
                    }
                    schedule();
                });
    }

    private void write(Buffer data) {
        to.write(data);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(v -> from.resume());
        }
    }
}
