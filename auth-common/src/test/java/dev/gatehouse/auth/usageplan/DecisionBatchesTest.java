package dev.gatehouse.auth.usageplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How concurrent decisions for one key and route share script calls. */
class DecisionBatchesTest {

    /** Script calls held open until the test answers them; each answers ALLOWED per request. */
    static final class Calls implements Function<Integer, Uni<List<UsageDecision>>> {
        final List<Integer> sizes = new ArrayList<>();
        final List<UniEmitter<? super List<UsageDecision>>> open = new ArrayList<>();

        @Override
        public synchronized Uni<List<UsageDecision>> apply(Integer requests) {
            sizes.add(requests);
            return Uni.createFrom().emitter(open::add);
        }

        synchronized void answer(int call) {
            List<UsageDecision> decisions = new ArrayList<>();
            for (int i = 0; i < sizes.get(call); i++) {
                decisions.add(UsageDecision.of(UsageDecision.Outcome.ALLOWED, "id", "plan"));
            }
            open.get(call).complete(decisions);
        }

        synchronized void fail(int call, Throwable failure) {
            open.get(call).fail(failure);
        }
    }

    /** What one waiter received through its callback. */
    record Received(UsageDecision decision, Throwable failure) {}

    private final DecisionBatches batches = new DecisionBatches();
    private final Calls calls = new Calls();

    private List<CompletableFuture<UsageDecision>> submit(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> batches.submit("key|/r/GET|", calls).subscribeAsCompletionStage())
                .toList();
    }

    /** Submits {@code n} requests through the callback form, dispatching an idle key's call. */
    private List<CompletableFuture<Received>> submit(int n, Executor dispatch) {
        List<CompletableFuture<Received>> received = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Received> one = new CompletableFuture<>();
            batches.submit(
                    "key|/r/GET|1",
                    calls,
                    dispatch,
                    (decision, failure) -> one.complete(new Received(decision, failure)));
            received.add(one);
        }
        return received;
    }

    private static void assertAllAllowed(List<CompletableFuture<Received>> received) {
        for (CompletableFuture<Received> one : received) {
            assertTrue(one.isDone(), "answered");
            assertNull(one.join().failure());
            assertEquals(UsageDecision.Outcome.ALLOWED, one.join().decision().outcome());
        }
    }

    @Test
    void anIdleKeysRequestGoesAtOnceAndTheNextOnesWaitForItsAnswer() {
        List<CompletableFuture<UsageDecision>> first = submit(1);
        List<CompletableFuture<UsageDecision>> waiting = submit(7);
        assertEquals(List.of(1), calls.sizes, "seven waiting requests do not make a second call");

        calls.answer(0);
        assertTrue(first.get(0).isDone());
        assertEquals(List.of(1, 7), calls.sizes, "the seven go together");
        calls.answer(1);
        assertTrue(waiting.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void aLongQueueGetsASecondCallButNeverAThird() {
        submit(1);
        List<CompletableFuture<UsageDecision>> queued = submit(DecisionBatches.SECOND_CALL_AT);
        assertEquals(List.of(1, DecisionBatches.SECOND_CALL_AT), calls.sizes);

        List<CompletableFuture<UsageDecision>> more = submit(40);
        assertEquals(2, calls.sizes.size(), "two calls in flight at most");

        calls.answer(1);
        assertTrue(queued.stream().allMatch(CompletableFuture::isDone));
        assertEquals(List.of(1, DecisionBatches.SECOND_CALL_AT, 40), calls.sizes);
        calls.answer(0);
        calls.answer(2);
        assertTrue(more.stream().allMatch(CompletableFuture::isDone));
        assertEquals(3, calls.sizes.size());
    }

    @Test
    void anIdleKeysCallWaitsForTheDispatchedTaskAndTheRequestsBeforeItJoin() {
        ArrayDeque<Runnable> loop = new ArrayDeque<>();
        List<CompletableFuture<Received>> first = submit(1, loop::add);
        assertEquals(List.of(), calls.sizes, "no call before the dispatched task runs");

        List<CompletableFuture<Received>> joining = submit(5, loop::add);
        assertEquals(List.of(), calls.sizes);
        assertEquals(1, loop.size(), "one task for the whole batch");

        loop.poll().run();
        assertEquals(List.of(6), calls.sizes, "the five joined the first request's call");
        assertTrue(loop.isEmpty());
        calls.answer(0);
        assertAllAllowed(first);
        assertAllAllowed(joining);
    }

    @Test
    void aRejectingDispatcherMakesTheCallAtOnce() {
        Executor shuttingDown =
                task -> {
                    throw new RejectedExecutionException("event loop closed");
                };
        List<CompletableFuture<Received>> first = submit(1, shuttingDown);
        assertEquals(List.of(1), calls.sizes);

        calls.answer(0);
        assertAllAllowed(first);
        assertEquals(List.of(1), calls.sizes, "nothing was left waiting");
    }

    @Test
    void aFailedCallFailsEveryRequestInItAndTheNextCallStillGoes() {
        List<CompletableFuture<Received>> first = submit(1, Runnable::run);
        List<CompletableFuture<Received>> failing = submit(3, Runnable::run);
        calls.answer(0);
        assertEquals(List.of(1, 3), calls.sizes);
        List<CompletableFuture<Received>> after = submit(2, Runnable::run);

        IllegalStateException failure = new IllegalStateException("connection reset");
        calls.fail(1, failure);
        for (CompletableFuture<Received> one : failing) {
            assertTrue(one.isDone(), "every request of the failed call is answered");
            assertSame(failure, one.join().failure());
            assertNull(one.join().decision());
        }
        assertAllAllowed(first);
        assertFalse(after.stream().anyMatch(CompletableFuture::isDone), "not in the failed call");
        assertEquals(List.of(1, 3, 2), calls.sizes, "the requests that waited go next");

        calls.answer(2);
        assertAllAllowed(after);
        List<CompletableFuture<Received>> later = submit(1, Runnable::run);
        assertEquals(List.of(1, 3, 2, 1), calls.sizes, "the key is idle again: a call at once");
        calls.answer(3);
        assertAllAllowed(later);
    }

    @Test
    void aCallThatThrowsFailsItsRequestsAndTheNextCallStillGoes() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad arguments");
        CompletableFuture<Received> one = new CompletableFuture<>();
        batches.submit(
                "key|/r/GET|1",
                n -> {
                    throw thrown;
                },
                Runnable::run,
                (decision, failure) -> one.complete(new Received(decision, failure)));
        assertTrue(one.isDone());
        assertSame(thrown, one.join().failure());

        List<CompletableFuture<Received>> next = submit(1, Runnable::run);
        assertEquals(List.of(1), calls.sizes);
        calls.answer(0);
        assertAllAllowed(next);
    }

    @Test
    void oneCallTakesAtMostMaxBatchRequestsAndTheRestGoNext() {
        submit(1);
        submit(DecisionBatches.SECOND_CALL_AT);
        assertEquals(List.of(1, DecisionBatches.SECOND_CALL_AT), calls.sizes);
        List<CompletableFuture<UsageDecision>> queued = submit(DecisionBatches.MAX_BATCH + 10);
        assertEquals(2, calls.sizes.size(), "they wait behind two calls");

        calls.answer(0);
        assertEquals(
                List.of(1, DecisionBatches.SECOND_CALL_AT, DecisionBatches.MAX_BATCH),
                calls.sizes,
                "the next call takes MAX_BATCH of the queue, no more");
        calls.answer(1);
        assertEquals(
                List.of(1, DecisionBatches.SECOND_CALL_AT, DecisionBatches.MAX_BATCH, 10),
                calls.sizes,
                "the rest go in the call after");
        calls.answer(2);
        calls.answer(3);
        assertTrue(queued.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void withTwoCallsInFlightAShortQueueWaitsForTheOtherReply() {
        submit(1);
        submit(DecisionBatches.SECOND_CALL_AT);
        assertEquals(2, calls.sizes.size(), "two calls in flight");
        List<CompletableFuture<UsageDecision>> few = submit(DecisionBatches.SECOND_CALL_AT - 1);

        calls.answer(0);
        assertEquals(2, calls.sizes.size(), "one call still in flight: a short queue waits");
        assertFalse(few.stream().anyMatch(CompletableFuture::isDone));

        calls.answer(1);
        assertEquals(DecisionBatches.SECOND_CALL_AT - 1, calls.sizes.get(2), "they go together");
        calls.answer(2);
        assertTrue(few.stream().allMatch(CompletableFuture::isDone));
    }
}
