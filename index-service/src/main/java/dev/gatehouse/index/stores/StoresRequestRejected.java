package dev.gatehouse.index.stores;

/** stores-service answered 4xx: the request itself was wrong, so retrying cannot help. */
public class StoresRequestRejected extends RuntimeException {

    private final int status;

    public StoresRequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
