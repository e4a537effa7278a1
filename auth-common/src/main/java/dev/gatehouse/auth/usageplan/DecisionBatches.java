package dev.gatehouse.auth.usageplan;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Coalesces concurrent decisions for the same key and route into one script call: while a call for
 * a (key, route) is in flight, later requests for it wait, and all of them go together in the next
 * call, where the script decides them one after the other (exactly as separate calls would). An
 * idle key's call goes out through {@code dispatch}: on an event loop, at the end of the loop's
 * current turn, so the requests that loop has just read from other connections join it (the wait is
 * microseconds, not a timer); elsewhere at once. Under load a hot key costs one Redis round trip
 * per batch instead of per request.
 *
 * <p>Hand-written because it pays (docs/benchmarks.md): concurrent requests share a call, 0.19 to
 * 0.20 Redis round trips per keyed request instead of 1, and the JMH decision benchmark runs 110
 * times bucket4j's throughput on one hot key. The states of one (key, route) batch, {@code w} the
 * requests waiting (each transition is a test of {@code DecisionBatchesTest}):
 *
 * <pre>
 *   IDLE (no batch in the map)
 *     │ submit
 *     ▼
 *   DISPATCHED (0 in flight, w ≥ 1) ──submit──▶ DISPATCHED (joins; no second task)
 *     │ the dispatched task runs (or the dispatcher rejects it: at once)
 *     ▼
 *   ONE IN FLIGHT ──submit, w < SECOND_CALL_AT──▶ ONE IN FLIGHT (waits)
 *     │   ▲    │
 *     │   │    └──reply or failure, w = 0──▶ IDLE (batch removed)
 *     │   └──reply or failure, w ≥ 1: next call takes min(w, MAX_BATCH)──┘
 *     │ submit, w reaches SECOND_CALL_AT: a second call
 *     ▼
 *   TWO IN FLIGHT ──submit──▶ TWO IN FLIGHT (waits; never a third call)
 *     │ reply or failure: ONE IN FLIGHT, then at once TWO again if w ≥ SECOND_CALL_AT
 *     ▼
 *   ONE IN FLIGHT
 * </pre>
 */
final class DecisionBatches {

    /** Most requests decided by one script call. */
    static final int MAX_BATCH = 64;

    /**
     * A second call for the same key and route goes out, rather than waiting for the first, once
     * this many requests wait: a long queue then costs one round trip, not two.
     */
    static final int SECOND_CALL_AT = 8;

    private final Map<String, Batch> batches = new ConcurrentHashMap<>();

    private static final class Batch {
        final List<BiConsumer<UsageDecision, Throwable>> waiting = new ArrayList<>();
        int inFlight;
        boolean dispatched;

        /** Whether what waits may go now (the caller holds the lock). */
        boolean mayCall() {
            return !waiting.isEmpty()
                    && !dispatched
                    && (inFlight == 0 || (inFlight == 1 && waiting.size() >= SECOND_CALL_AT));
        }
    }

    Uni<UsageDecision> submit(String batchKey, Function<Integer, Uni<List<UsageDecision>>> call) {
        return asUni(then -> submit(batchKey, call, Runnable::run, then));
    }

    /** A decision given to a callback ({@code start} receives it), as a {@code Uni}. */
    static Uni<UsageDecision> asUni(Consumer<BiConsumer<UsageDecision, Throwable>> start) {
        return Uni.createFrom()
                .emitter(
                        emitter ->
                                start.accept(
                                        (decision, failure) -> {
                                            if (failure == null) {
                                                emitter.complete(decision);
                                            } else {
                                                emitter.fail(failure);
                                            }
                                        }));
    }

    /**
     * @param call decides {@code n} requests in one round trip, returning one decision each
     * @param dispatch runs the call of an idle key
     * @param then receives the decision or the failure, on the thread that read the reply
     */
    void submit(
            String batchKey,
            Function<Integer, Uni<List<UsageDecision>>> call,
            Executor dispatch,
            BiConsumer<UsageDecision, Throwable> then) {
        Batch batch = batches.computeIfAbsent(batchKey, k -> new Batch());
        List<BiConsumer<UsageDecision, Throwable>> sending = null;
        boolean idle = false;
        synchronized (batch) {
            batch.waiting.add(then);
            if (batch.mayCall()) {
                idle = batch.inFlight == 0;
                if (idle) {
                    batch.dispatched = true;
                } else {
                    batch.inFlight++;
                    sending = take(batch);
                }
            }
        }
        if (idle) {
            dispatch(batchKey, batch, call, dispatch);
        } else if (sending != null) {
            send(batchKey, batch, sending, call);
        }
    }

    private void dispatch(
            String batchKey,
            Batch batch,
            Function<Integer, Uni<List<UsageDecision>>> call,
            Executor dispatch) {
        Runnable go =
                () -> {
                    List<BiConsumer<UsageDecision, Throwable>> sending;
                    synchronized (batch) {
                        batch.dispatched = false;
                        batch.inFlight++;
                        sending = take(batch);
                    }
                    send(batchKey, batch, sending, call);
                };
        try {
            dispatch.execute(go);
        } catch (RejectedExecutionException e) {
            go.run(); // the loop is shutting down: answer now rather than never
        }
    }

    private void send(
            String batchKey,
            Batch batch,
            List<BiConsumer<UsageDecision, Throwable>> sending,
            Function<Integer, Uni<List<UsageDecision>>> call) {
        Uni<List<UsageDecision>> decided;
        try {
            decided = call.apply(sending.size());
        } catch (RuntimeException e) {
            decided = Uni.createFrom().failure(e);
        }
        decided.subscribe()
                .with(
                        decisions -> {
                            for (int i = 0; i < sending.size(); i++) {
                                sending.get(i).accept(decisions.get(i), null);
                            }
                            next(batchKey, batch, call);
                        },
                        failure -> {
                            sending.forEach(waiter -> waiter.accept(null, failure));
                            next(batchKey, batch, call);
                        });
    }

    private void next(
            String batchKey, Batch batch, Function<Integer, Uni<List<UsageDecision>>> call) {
        List<BiConsumer<UsageDecision, Throwable>> sending;
        synchronized (batch) {
            batch.inFlight--;
            if (batch.waiting.isEmpty() && batch.inFlight == 0) {
                // Idle batches are dropped, so unknown keys cannot grow the map. A request that
                // found this batch just before still works: it sends its own call.
                batches.remove(batchKey, batch);
                return;
            }
            if (!batch.mayCall()) {
                return;
            }
            batch.inFlight++;
            sending = take(batch);
        }
        send(batchKey, batch, sending, call);
    }

    private static List<BiConsumer<UsageDecision, Throwable>> take(Batch batch) {
        int n = Math.min(MAX_BATCH, batch.waiting.size());
        List<BiConsumer<UsageDecision, Throwable>> taken =
                new ArrayList<>(batch.waiting.subList(0, n));
        batch.waiting.subList(0, n).clear();
        return taken;
    }
}
