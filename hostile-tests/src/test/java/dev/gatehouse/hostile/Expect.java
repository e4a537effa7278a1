package dev.gatehouse.hostile;

import java.util.function.IntPredicate;

/**
 * The status class a case must get. Every case must also be answered within the deadline, never
 * with a 5xx, and without a secret or a stack trace: that holds for all, whatever is expected.
 */
enum Expect {
    /** A control case: the genuine request the hostile ones are made from. */
    SUCCESS("2xx", s -> s >= 200 && s < 300),
    /** AWS refuses it: any 4xx, never a 2xx. */
    REFUSED("4xx", s -> s >= 400 && s < 500),
    /**
     * A request whose framing cannot be trusted (a broken chunk): a 4xx, or the connection closed
     * at once, as proxies do.
     */
    REFUSED_OR_CLOSED("4xx or closed", s -> (s >= 400 && s < 500) || s == Answer.CLOSED),
    /** Refused as unauthenticated or unauthorized (API Gateway: 401 or 403). */
    DENIED("401/403", s -> s == 401 || s == 403),
    /** Refused as a malformed request. */
    BAD_REQUEST("400", s -> s == 400),
    /** AWS's own answer depends on details we do not pin: anything but a 5xx. */
    ANSWERED("not 5xx", s -> s >= 200 && s < 500);

    final String label;
    private final IntPredicate accepts;

    Expect(String label, IntPredicate accepts) {
        this.label = label;
        this.accepts = accepts;
    }

    boolean accepts(int status) {
        return accepts.test(status);
    }
}
