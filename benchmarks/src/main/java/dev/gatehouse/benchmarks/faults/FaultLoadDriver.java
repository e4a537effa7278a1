package dev.gatehouse.benchmarks.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Open-loop load for bench/faults.sh: signed + keyed {@code GET /stores} at a fixed rate per
 * traffic class (one API key each) through the balancer, and signed {@code POST /events} at a fixed
 * rate whose webhook deliveries come back to a receiver in this JVM. Every answer is counted by the
 * second it was sent in ({@link Timeline}); the script appends fault marks to the control file
 * ({@code <epochMillis> prepare|start|end <n> <name>}, {@code stop}); on {@code stop} the driver
 * waits for deliveries to drain and writes the report ({@link FaultReport}).
 *
 * <pre>java -cp benchmarks.jar dev.gatehouse.benchmarks.faults.FaultLoadDriver driver.properties
 * </pre>
 *
 * Credentials come from GATEHOUSE_BENCH_ACCESS_KEY_ID / GATEHOUSE_BENCH_SECRET_ACCESS_KEY.
 */
public final class FaultLoadDriver {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final Properties config;
    private final AwsCredentialsIdentity credentials;
    private final Timeline timeline = new Timeline();
    private final FanoutLedger ledger = new FanoutLedger();
    private final AtomicInteger phase = new AtomicInteger();
    private final Map<String, Long> unanswered = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newFixedThreadPool(2))
                    .build();

    private FaultLoadDriver(Properties config) {
        this.config = config;
        this.credentials =
                AwsCredentialsIdentity.create(
                        System.getenv("GATEHOUSE_BENCH_ACCESS_KEY_ID"),
                        System.getenv("GATEHOUSE_BENCH_SECRET_ACCESS_KEY"));
    }

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        new FaultLoadDriver(config).run();
    }

    private void run() throws Exception {
        List<TrafficClass> classes = TrafficClass.all(config);
        HttpServer receiver = startReceiver();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        URI stores = URI.create(config.getProperty("stores.url") + "/stores");
        for (TrafficClass traffic : classes) {
            long period = 1_000_000_000L / Math.max(1, traffic.peakRate());
            AtomicLong tick = new AtomicLong();
            clock.scheduleAtFixedRate(
                    () -> {
                        long n = tick.getAndIncrement();
                        if (traffic.sends(phase.get(), n)) {
                            send(traffic, stores);
                        }
                    },
                    0,
                    period,
                    TimeUnit.NANOSECONDS);
        }
        int eventRate = Integer.parseInt(config.getProperty("events.rate", "20"));
        URI events = URI.create(config.getProperty("fanout.url") + "/events");
        AtomicLong seq = new AtomicLong();
        clock.scheduleAtFixedRate(
                () -> publish(events, seq.getAndIncrement()),
                0,
                1_000_000_000L / eventRate,
                TimeUnit.NANOSECONDS);

        Path steady = Path.of(config.getProperty("out.dir")).resolve("steady");
        clock.scheduleAtFixedRate(() -> writeSteady(steady), 1, 1, TimeUnit.SECONDS);
        Path control = Path.of(config.getProperty("control.file"));
        List<FaultReport.Mark> marks = new ArrayList<>();
        long deadLetters = 0;
        while (true) {
            Thread.sleep(200);
            List<String> lines = Files.exists(control) ? Files.readAllLines(control) : List.of();
            marks.clear();
            boolean stop = false;
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4) {
                    marks.add(
                            new FaultReport.Mark(
                                    Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), f[3]));
                    if (f[1].equals("prepare")) {
                        phase.set(Math.max(phase.get(), Integer.parseInt(f[2])));
                    }
                } else if (f.length == 2 && f[0].equals("dead-letters")) {
                    deadLetters = Long.parseLong(f[1]);
                    stop = true;
                }
            }
            if (stop) {
                break;
            }
        }
        clock.shutdownNow();
        // Retries of deliveries that failed during the last fault come within the backoff.
        long drainUntil =
                System.currentTimeMillis()
                        + 1000L * Long.parseLong(config.getProperty("drain.seconds", "30"));
        while (System.currentTimeMillis() < drainUntil && ledger.undelivered() > 0) {
            Thread.sleep(250);
        }
        Thread.sleep(1000);
        receiver.stop(0);
        Path out = Path.of(config.getProperty("out.dir"));
        new FaultReport(timeline, ledger, classes, marks, deadLetters).write(out);
        System.out.println("unanswered GET /stores by failure: " + unanswered);
        System.exit(0);
    }

    /**
     * Writes how many whole seconds in a row, up to the last one whose requests have all been
     * answered or timed out, had a 2xx and no 5xx or unanswered request: the script waits for a
     * steady suite before each fault.
     */
    private void writeSteady(Path file) {
        long complete = System.currentTimeMillis() / 1000 - 6;
        int clean = 0;
        for (long s = complete; s > complete - 60; s--) {
            boolean ok =
                    timeline.count(null, s, 0) > 0
                            && timeline.count(null, s, 3) + timeline.count(null, s, 4) == 0;
            if (!ok) {
                break;
            }
            clean++;
        }
        try {
            Files.writeString(file, clean + "\n");
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e);
        }
    }

    private void send(TrafficClass traffic, URI uri) {
        long sentAt = System.currentTimeMillis();
        long start = System.nanoTime();
        HttpRequest request = signed("GET", uri, "", Map.of("x-api-key", traffic.apiKey()));
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                        (response, failure) -> {
                            if (failure != null) {
                                Throwable cause =
                                        failure.getCause() == null ? failure : failure.getCause();
                                unanswered.merge(cause.getClass().getSimpleName(), 1L, Long::sum);
                            }
                            timeline.record(
                                    traffic.name(),
                                    sentAt,
                                    failure == null ? response.statusCode() : 0,
                                    System.nanoTime() - start);
                        });
    }

    private void publish(URI uri, long seq) {
        long sentAt = System.currentTimeMillis();
        String body = "{\"type\":\"faults.probe\",\"detail\":{\"seq\":" + seq + "}}";
        HttpRequest request = signed("POST", uri, body, Map.of("Content-Type", "application/json"));
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                        (response, failure) -> {
                            int status = failure == null ? response.statusCode() : 0;
                            ledger.published(seq, sentAt, status);
                        });
    }

    private HttpServer startReceiver() throws IOException {
        int port = Integer.parseInt(config.getProperty("receiver.port"));
        long delay = Long.parseLong(config.getProperty("receiver.delay-ms", "50"));
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    try {
                        // Keeps deliveries in flight, so a killed instance dies mid-delivery.
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Matcher seq = SEQ.matcher(body);
                    if (seq.find()) {
                        ledger.delivered(
                                Long.parseLong(seq.group(1)),
                                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                                System.currentTimeMillis());
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        receiver.start();
        return receiver;
    }

    private HttpRequest signed(String method, URI uri, String body, Map<String, String> extra) {
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        var signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(credentials)
                                                .request(unsigned.build())
                                                .payload(ContentStreamProvider.fromUtf8String(body))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "execute-api")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5))
                        .method(
                                method,
                                body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        extra.forEach(request::header);
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    /** Deliveries by sequence number and idempotency key. */
    static final class FanoutLedger {
        final Map<Long, Long> accepted = new ConcurrentHashMap<>();
        final Map<Long, Integer> rejected = new ConcurrentHashMap<>();
        final Map<Long, Long> delivered = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
        final Map<Long, Long> duplicates = new ConcurrentHashMap<>();

        void published(long seq, long sentAt, int status) {
            if (status == 202) {
                accepted.put(seq, sentAt);
            } else {
                rejected.put(seq, status);
            }
        }

        void delivered(long seq, String idempotencyKey, long at) {
            delivered.putIfAbsent(seq, at);
            String key = idempotencyKey == null ? "seq:" + seq : idempotencyKey;
            if (byKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                duplicates.merge(seq, 1L, Long::sum);
            }
        }

        long undelivered() {
            return accepted.keySet().stream().filter(s -> !delivered.containsKey(s)).count();
        }
    }
}
