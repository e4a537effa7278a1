package dev.gatehouse.auth.usageplan;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Coalesces concurrent decisions for the same key and route into one script call: while a call for
 * a (key, route) is in flight, later requests for it wait, and all of them go together in the next
 * call, where the script decides them one after the other (exactly as separate calls would). An
 * idle key's request is sent at once, so batching adds no latency without load, and under load a
 * hot key costs one Redis round trip per batch instead of per request.
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
        final List<UniEmitter<? super UsageDecision>> waiting = new ArrayList<>();
        int inFlight;

        /** Whether what waits may go now (the caller holds the lock). */
        boolean mayCall() {
            return !waiting.isEmpty()
                    && (inFlight == 0 || (inFlight == 1 && waiting.size() >= SECOND_CALL_AT));
        }
    }

    /**
     * @param call decides {@code n} requests in one round trip, returning one decision each
     */
    Uni<UsageDecision> submit(String batchKey, Function<Integer, Uni<List<UsageDecision>>> call) {
        return Uni.createFrom()
                .emitter(
                        emitter -> {
                            Batch batch = batches.computeIfAbsent(batchKey, k -> new Batch());
                            List<UniEmitter<? super UsageDecision>> sending = null;
                            synchronized (batch) {
                                batch.waiting.add(emitter);
                                if (batch.mayCall()) {
                                    batch.inFlight++;
                                    sending = take(batch);
                                }
                            }
                            if (sending != null) {
                                send(batchKey, batch, sending, call);
                            }
                        });
    }

    private void send(
            String batchKey,
            Batch batch,
            List<UniEmitter<? super UsageDecision>> sending,
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
                                sending.get(i).complete(decisions.get(i));
                            }
                            next(batchKey, batch, call);
                        },
                        failure -> {
                            sending.forEach(emitter -> emitter.fail(failure));
                            next(batchKey, batch, call);
                        });
    }

    private void next(
            String batchKey, Batch batch, Function<Integer, Uni<List<UsageDecision>>> call) {
        List<UniEmitter<? super UsageDecision>> sending;
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

    private static List<UniEmitter<? super UsageDecision>> take(Batch batch) {
        int n = Math.min(MAX_BATCH, batch.waiting.size());
        List<UniEmitter<? super UsageDecision>> taken =
                new ArrayList<>(batch.waiting.subList(0, n));
        batch.waiting.subList(0, n).clear();
        return taken;
    }
}
