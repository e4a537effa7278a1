package dev.gatehouse.fanout.delivery;

/** Outcomes recorded by a worker: delivered, scheduled for a retry, dead-lettered. */
public final class DeliveryCounts {

    private long delivered;
    private long retried;
    private long deadLettered;

    void add(long delivered, long retried, long deadLettered) {
        this.delivered += delivered;
        this.retried += retried;
        this.deadLettered += deadLettered;
    }

    public long delivered() {
        return delivered;
    }

    public long retried() {
        return retried;
    }

    public long deadLettered() {
        return deadLettered;
    }
}
