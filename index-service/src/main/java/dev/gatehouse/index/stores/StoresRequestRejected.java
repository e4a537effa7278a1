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

    /**
     * What to tell the person at the page: the gateway's answers (401, 403, 429) in their terms,
     * stores-service's own validation messages (400, 404) as they are.
     */
    public String inUsersTerms() {
        return switch (status) {
            case 401 -> "Your sign-in has expired or is no longer valid. Please sign in again.";
            case 403 -> "Your account is not allowed to do this.";
            case 429 -> "Too many requests just now. Please wait a moment and try again.";
            default -> getMessage();
        };
    }
}
