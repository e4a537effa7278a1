package dev.gatehouse.redis.local;

/**
 * Command line for the local launcher: {@code java -jar local-redis.jar locate} prints the path of
 * the redis-server to run (from PATH, or extracted from the bundled jar), so that shell scripts use
 * exactly the discovery the tests use; {@code free-port [N]} prints N (default 1) different free
 * loopback ports, one per line.
 */
public final class LocalRedisCommand {

    private LocalRedisCommand() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("locate")) {
            System.out.println(RedisBinary.locate().toAbsolutePath());
            return;
        }
        if (args.length >= 1 && args.length <= 2 && args[0].equals("free-port")) {
            int count = args.length == 2 ? count(args[1]) : 1;
            for (int port : FreePort.pick(count)) {
                System.out.println(port);
            }
            return;
        }
        System.err.println("usage: java -jar local-redis.jar locate|free-port [N]");
        System.exit(2);
    }

    private static int count(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= 1000) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        System.err.println("local-redis.jar free-port: N must be a number from 1 to 1000");
        System.exit(2);
        return 0;
    }
}
