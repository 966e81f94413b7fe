import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash sale's load (bench/flash-sale.sh): an open model that never waits for an answer before
 * sending the next request. Phase "burst": every shopper of TOKENS orders one unit of VARIANT, the
 * requests due evenly within BURST_SECONDS (2,000 shoppers in 1 s: one every 0.5 ms); phase
 * "sustain": then RATE orders a second for SECONDS, shoppers in turn. Each request goes out at its
 * due time on a connection of its own if none is free (java.net.http, asynchronous), so a slow server
 * faces the whole crowd at once, as on 12.12; latency counts from the due time.
 *
 *   java bench/load/FlashSale.java --base URL --variant UUID --tokens FILE [--burst-seconds 1] [--rate 200] [--seconds 60]
 *        [--timeout 60] [--events FILE]
 *
 * VARIANT is what is sold (ADR 0023): a variant of a listing with options, or a listing without
 * options, whose one variant has the listing's id.
 *
 * Prints FLASH lines per phase and outcome (status and problem code): count, p50/p99/max latency, and the
 * time from the first due request to the last answered; --events writes one line per request
 * (phase, due offset ms, latency ms, status, code) for the report.
 */
public class FlashSale {

    record Sample(String phase, long dueOffsetNanos, long latencyNanos, int status, String code) {
    }

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        URI orders = URI.create(opt.get("base") + "/api/v1/orders");
        String variant = opt.get("variant");
        List<String> tokens = Files.readAllLines(Path.of(opt.get("tokens"))).stream().filter(s -> !s.isBlank()).toList();
        double burstSeconds = Double.parseDouble(opt.getOrDefault("burst-seconds", "1"));
        double rate = Double.parseDouble(opt.getOrDefault("rate", "200"));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "60"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "60")));
        String run = Long.toHexString(System.currentTimeMillis());
        String body = "{\"items\":[{\"variantId\":\"" + variant + "\",\"quantity\":1}],\"shippingAddress\":{\"recipientName\":"
                + "\"Budi Santoso\",\"phone\":\"081234567890\",\"street\":\"Jl. Melati 5\",\"regencyCode\":\"32.04\","
                + "\"postalCode\":\"40921\"}}";

        // The plan: (due offset, shopper), burst first.
        int burst = tokens.size();
        long sustain = (long) (rate * seconds);
        long[] due = new long[(int) (burst + sustain)];
        for (int i = 0; i < burst; i++) {
            due[i] = (long) (i * burstSeconds * 1e9 / burst);
        }
        long sustainStart = (long) (burstSeconds * 1e9);
        for (int i = 0; i < sustain; i++) {
            due[burst + i] = sustainStart + (long) (i * 1e9 / rate);
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
        // Connections and TLS-free HTTP/1.1 set up once before the sale: a GET that needs no database.
        client.send(HttpRequest.newBuilder(URI.create(opt.get("base") + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.discarding());

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(due.length);
        long start = System.nanoTime() + 200_000_000L;
        long late = 0;
        for (int i = 0; i < due.length; i++) {
            long at = start + due[i];
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                late = Math.max(late, -wait);
            }
            String phase = i < burst ? "burst" : "sustain";
            String token = tokens.get(i % burst);
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "flash-" + run + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long offset = due[i];
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long latency = System.nanoTime() - at;
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    samples.add(new Sample(phase, offset, latency, cause instanceof HttpTimeoutException ? -2 : -1,
                            cause.getClass().getSimpleName() + ":" + String.valueOf(cause.getMessage()).replaceAll("\\W+", "_")));
                } else {
                    Matcher m = CODE.matcher(response.body());
                    samples.add(new Sample(phase, offset, latency, response.statusCode(), m.find() ? m.group(1) : "-"));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toSeconds() + 30, TimeUnit.SECONDS);

        List<Sample> all = new ArrayList<>(samples);
        Map<String, List<Sample>> groups = new TreeMap<>();
        for (Sample s : all) {
            groups.computeIfAbsent(s.phase() + " " + s.status() + " " + s.code(), k -> new ArrayList<>()).add(s);
            groups.computeIfAbsent("all " + s.status() + " " + s.code(), k -> new ArrayList<>()).add(s);
        }
        groups.forEach((key, list) -> {
            String[] k = key.split(" ");
            long[] nanos = list.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
            long firstDue = list.stream().mapToLong(Sample::dueOffsetNanos).min().orElse(0);
            long lastDone = list.stream().mapToLong(s -> s.dueOffsetNanos() + s.latencyNanos()).max().orElse(0);
            System.out.printf("FLASH phase=%s status=%s code=%s count=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f first_due_s=%.3f last_answer_s=%.3f%n",
                    k[0], k[1], k[2], nanos.length, ms(nanos, 0.50), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                    firstDue / 1e9, lastDone / 1e9);
        });
        System.out.printf("FLASH-SENDER requests=%d burst=%d in %.1f s, then %.0f/s for %.0f s; the sender was at most %.1f ms late%n",
                due.length, burst, burstSeconds, rate, seconds, late / 1e6);
        if (opt.containsKey("events")) {
            List<String> lines = new ArrayList<>();
            all.stream().sorted((a, b) -> Long.compare(a.dueOffsetNanos(), b.dueOffsetNanos()))
                    .forEach(s -> lines.add(String.format("%s\t%.3f\t%.3f\t%d\t%s", s.phase(), s.dueOffsetNanos() / 1e6,
                            s.latencyNanos() / 1e6, s.status(), s.code())));
            Files.write(Path.of(opt.get("events")), lines);
        }
        System.exit(0);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }
}
