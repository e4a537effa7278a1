package dev.gatehouse.auth.usageplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    }

    private final DecisionBatches batches = new DecisionBatches();
    private final Calls calls = new Calls();

    private List<CompletableFuture<UsageDecision>> submit(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> batches.submit("key|/r/GET|", calls).subscribeAsCompletionStage())
                .toList();
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
}
