package dev.gatehouse.redis.local;

/**
 * Command line for the local launcher: {@code java -jar local-redis.jar locate} prints the path of
 * the redis-server to run (from PATH, or extracted from the bundled jar), so that shell scripts use
 * exactly the discovery the tests use.
 */
public final class LocalRedisCommand {

    private LocalRedisCommand() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("locate")) {
            System.out.println(RedisBinary.locate().toAbsolutePath());
            return;
        }
        if (args.length == 1 && args[0].equals("free-port")) {
            System.out.println(FreePort.pick());
            return;
        }
        System.err.println("usage: java -jar local-redis.jar locate|free-port");
        System.exit(2);
    }
}
