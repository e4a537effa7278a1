package dev.gatehouse.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GetCredentialsForIdentity} latency under {@code clients} concurrent callers, each in a
 * closed loop (send, wait for the answer, send again) for {@code seconds} after as long a warm-up:
 * the identity of one user-pool ID token asks again and again, as apps refreshing their credentials
 * do. Every answer must be 200 with an {@code ASIA} key; prints calls, errors, calls/s and the
 * latency percentiles of each of {@code ROUNDS} rounds (default 1) after one warm-up, then the
 * median and range of p50 and p99 over the rounds.
 *
 * <pre>java -cp benchmarks.jar dev.gatehouse.benchmarks.IdentityPoolLatencyProbe
 *     IDENTITY_URL IDENTITY_POOL_ID LOGIN_PROVIDER ID_TOKEN CLIENTS SECONDS [ROUNDS]</pre>
 */
public final class IdentityPoolLatencyProbe {

    private static final Pattern ID = Pattern.compile("\"IdentityId\":\"([^\"]+)\"");

    private IdentityPoolLatencyProbe() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String logins = "{\"" + args[2] + "\":\"" + args[3] + "\"}";
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient http =
                HttpClient.newBuilder()
                        .executor(Executors.newFixedThreadPool(4))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        String getId =
                call(
                        http,
                        url,
                        "GetId",
                        "{\"IdentityPoolId\":\"" + args[1] + "\",\"Logins\":" + logins + "}");
        Matcher id = ID.matcher(getId);
        if (!id.find()) {
            throw new IllegalStateException("GetId answered " + getId);
        }
        String body = "{\"IdentityId\":\"" + id.group(1) + "\",\"Logins\":" + logins + "}";
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        run(http, url, body, clients, seconds, null); // warm-up
        double[] p50 = new double[rounds];
        double[] p99 = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
            AtomicLong errors = run(http, url, body, clients, seconds, samples);
            long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            p50[round] = percentile(all, 0.50);
            p99[round] = percentile(all, 0.99);
            System.out.printf(
                    "round=%d clients=%d seconds=%d calls=%d errors=%d calls/s=%.0f p50=%.2fms"
                            + " p90=%.2fms p99=%.2fms max=%.2fms load=%s%n",
                    round + 1,
                    clients,
                    seconds,
                    all.length,
                    errors.get(),
                    all.length / (double) seconds,
                    p50[round],
                    percentile(all, 0.90),
                    p99[round],
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    load());
        }
        Arrays.sort(p50);
        Arrays.sort(p99);
        System.out.printf(
                "over %d rounds: p50 median %.2fms (%.2f .. %.2f), p99 median %.2fms (%.2f .."
                        + " %.2f)%n",
                rounds,
                p50[rounds / 2],
                p50[0],
                p50[rounds - 1],
                p99[rounds / 2],
                p99[0],
                p99[rounds - 1]);
        System.exit(0);
    }

    private static AtomicLong run(
            HttpClient http,
            URI url,
            String body,
            int clients,
            int seconds,
            ConcurrentLinkedQueue<long[]> samples)
            throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(
                    () -> {
                        long[] mine = new long[1 << 16];
                        int n = 0;
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            try {
                                String answer = call(http, url, "GetCredentialsForIdentity", body);
                                if (!answer.contains("\"AccessKeyId\":\"ASIA")) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                continue;
                            }
                            if (n < mine.length) {
                                mine[n++] = System.nanoTime() - start;
                            }
                        }
                        if (samples != null) {
                            samples.add(Arrays.copyOf(mine, n));
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return errors;
    }

    private static String call(HttpClient http, URI url, String operation, String body)
            throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-amz-json-1.1")
                                .header("X-Amz-Target", "AWSCognitoIdentityService." + operation)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The machine's 1-minute load average, for the record. */
    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
