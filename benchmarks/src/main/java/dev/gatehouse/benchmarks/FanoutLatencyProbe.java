package dev.gatehouse.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * End-to-end delivery latency of fanout-service at a fixed rate (bench/fanout.sh runs it):
 * publishes signed {@code POST /events} at {@code rate} per second for {@code seconds}, each
 * carrying its send time ({@code System.nanoTime}), and receives the deliveries on a local webhook
 * in the same JVM, so latency = arrival - send on one clock. The first {@code WARMUP_SECONDS} at
 * the same rate warm both JVMs and are not counted. Prints sent, accepted, delivered, duplicates
 * and the latency percentiles.
 *
 * <pre>java -cp benchmarks.jar dev.gatehouse.benchmarks.FanoutLatencyProbe
 *     FANOUT_URL ACCESS_KEY_ID SECRET RECEIVER_PORT RATE SECONDS TYPE [WARMUP_SECONDS]</pre>
 */
public final class FanoutLatencyProbe {

    private static final Pattern SENT = Pattern.compile("\"sentNanos\":(\\d+)");
    private static final Pattern KEY = Pattern.compile("\"seq\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0] + "/events");
        AwsCredentialsIdentity credentials = AwsCredentialsIdentity.create(args[1], args[2]);
        int port = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String type = args[6];
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 0;

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext(
                "/",
                exchange -> {
                    long now = System.nanoTime();
                    String body = read(exchange.getRequestBody());
                    Matcher sent = SENT.matcher(body);
                    Matcher seq = KEY.matcher(body);
                    if (sent.find() && seq.find()) {
                        if (seen.add(seq.group(1))) {
                            latencies.add(now - Long.parseLong(sent.group(1)));
                        } else {
                            duplicates.incrementAndGet();
                        }
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        receiver.start();

        HttpClient http =
                HttpClient.newBuilder()
                        // As services call each other (and as wrk does): HTTP/1.1, no h2c upgrade.
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .executor(Executors.newFixedThreadPool(2))
                        .build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ConcurrentLinkedQueue<Long> publishLatencies = new ConcurrentLinkedQueue<>();
        int total = rate * seconds;
        // Warm-up events get negative sequence numbers: neither counted nor timed.
        AtomicLong next = new AtomicLong(-(long) rate * warmup);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(
                () -> {
                    long seq = next.getAndIncrement();
                    if (seq >= total) {
                        return;
                    }
                    long sentAt = System.nanoTime();
                    boolean counted = seq >= 0;
                    String body =
                            "{\"type\":\""
                                    + type
                                    + "\",\"detail\":{\"seq\":"
                                    + seq
                                    + ",\"sentNanos\":"
                                    + sentAt
                                    + "}}";
                    http.sendAsync(
                                    signed(events, body, credentials),
                                    HttpResponse.BodyHandlers.discarding())
                            .whenComplete(
                                    (response, failure) -> {
                                        if (!counted) {
                                            return;
                                        }
                                        publishLatencies.add(System.nanoTime() - sentAt);
                                        if (failure == null && response.statusCode() == 202) {
                                            accepted.incrementAndGet();
                                        } else {
                                            rejected.incrementAndGet();
                                        }
                                    });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds + 15);
        while ((next.get() < total
                        || latencies.size() < accepted.get()
                        || accepted.get() + rejected.get() < total)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        clock.shutdownNow();
        receiver.stop(0);

        long[] delivery = sorted(latencies.stream().toList());
        long[] publish = sorted(publishLatencies.stream().toList());
        System.out.printf(
                "rate=%d/s seconds=%d (after %d s of warm-up) sent=%d accepted=%d rejected=%d"
                        + " delivered=%d duplicates=%d%n",
                rate,
                seconds,
                warmup,
                Math.min(next.get(), total),
                accepted.get(),
                rejected.get(),
                delivery.length,
                duplicates.get());
        System.out.printf(
                "publish_ms p50=%.2f p99=%.2f%n",
                ms(percentile(publish, 50)), ms(percentile(publish, 99)));
        System.out.printf(
                "delivery_ms p50=%.2f p99=%.2f max=%.2f%n",
                ms(percentile(delivery, 50)),
                ms(percentile(delivery, 99)),
                ms(delivery.length == 0 ? 0 : delivery[delivery.length - 1]));
        System.exit(delivery.length == total ? 0 : 1);
    }

    private static HttpRequest signed(URI uri, String body, AwsCredentialsIdentity credentials) {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build();
        var signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(credentials)
                                                .request(unsigned)
                                                .payload(ContentStreamProvider.fromUtf8String(body))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "execute-api")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private FanoutLatencyProbe() {}
}
