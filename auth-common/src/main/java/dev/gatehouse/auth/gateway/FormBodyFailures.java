package dev.gatehouse.auth.gateway;

/**
 * Recognizes the failures Quarkus REST raises while decoding a form body, before any resource
 * method runs. It throws untyped exceptions for them, so they are told apart by class and message:
 * {@code IllegalArgumentException("Failed to decode ...")} for a broken %-escape, and a plain
 * {@code RuntimeException("Param limit of N was exceeded")} for more fields than {@code
 * quarkus.http.limits.max-parameters}. {@code FormBodyFailuresTest} pins both against the running
 * framework, so an upgrade that changes them fails the build instead of turning them into 500s.
 */
final class FormBodyFailures {

    private FormBodyFailures() {}

    static boolean isClientMistake(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return false;
        }
        if (e.getClass() == IllegalArgumentException.class) {
            return message.startsWith("Failed to decode");
        }
        return e.getClass() == RuntimeException.class && message.startsWith("Param limit of ");
    }
}
