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
 * "sustain": then RATE orders a second for SECONDS, shoppers in turn. Phase "other", with
 * --other-rate: meanwhile, from the burst's first due order to the sustain's end, OTHER_RATE orders a
 * second of one unit of the variants of OTHER_VARIANTS in turn, by the shoppers of OTHER_TOKENS in
 * turn: what the rest of the marketplace sees during the sale. Each request goes out at its due time
 * on a connection of its own if none is free (java.net.http, asynchronous), so a slow server faces
 * the whole crowd at once, as on 12.12; latency counts from the due time.
 *
 *   java bench/load/FlashSale.java --base URL --variant UUID --tokens FILE [--burst-seconds 1] [--rate 200] [--seconds 60]
 *        [--timeout 60] [--events FILE] [--other-rate 20 --other-variants FILE --other-tokens FILE]
 *
 * VARIANT is what is sold (ADR 0023): a variant of a listing with options, or a listing without
 * options, whose one variant has the listing's id.
 *
 * Prints FLASH lines per phase and outcome (status and problem code): count, p50/p99/max latency, and the
 * time from the first due request to the last answered ("all": the sale's phases, not "other");
 * --events writes one line per request (phase, due offset ms, latency ms, status, code, variant) for
 * the report.
 */
public class FlashSale {

    record Sample(String phase, long dueOffsetNanos, long latencyNanos, int status, String code, String variant) {
    }

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        URI orders = URI.create(opt.get("base") + "/api/v1/orders");
        String variant = opt.get("variant");
        List<String> tokens = lines(opt.get("tokens"));
        double burstSeconds = Double.parseDouble(opt.getOrDefault("burst-seconds", "1"));
        double rate = Double.parseDouble(opt.getOrDefault("rate", "200"));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "60"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "60")));
        String run = Long.toHexString(System.currentTimeMillis());
        double otherRate = Double.parseDouble(opt.getOrDefault("other-rate", "0"));
        List<String> otherVariants = otherRate > 0 ? lines(opt.get("other-variants")) : List.of();
        List<String> otherTokens = otherRate > 0 ? lines(opt.get("other-tokens")) : List.of();

        // The plan: (due offset, shopper), burst first, then the other listings' orders
        // merged in by due time.
        int burst = tokens.size();
        long sustain = (long) (rate * seconds);
        long others = (long) (otherRate * (burstSeconds + seconds));
        long[] due = new long[(int) (burst + sustain)];
        for (int i = 0; i < burst; i++) {
            due[i] = (long) (i * burstSeconds * 1e9 / burst);
        }
        long sustainStart = (long) (burstSeconds * 1e9);
        for (int i = 0; i < sustain; i++) {
            due[burst + i] = sustainStart + (long) (i * 1e9 / rate);
        }
        long[] otherDue = new long[(int) others];
        for (int i = 0; i < others; i++) {
            otherDue[i] = (long) (i * 1e9 / otherRate);
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
        for (int i = 0, o = 0; i < due.length || o < otherDue.length;) {
            boolean other = o < otherDue.length && (i == due.length || otherDue[o] < due[i]);
            long offset = other ? otherDue[o] : due[i];
            long at = start + offset;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                late = Math.max(late, -wait);
            }
            String phase = other ? "other" : i < burst ? "burst" : "sustain";
            String token = other ? otherTokens.get(o % otherTokens.size()) : tokens.get(i % burst);
            String key = other ? "flash-" + run + "-other-" + o : "flash-" + run + "-" + i;
            String variantId = other ? otherVariants.get(o % otherVariants.size()) : variant;
            if (other) {
                o++;
            } else {
                i++;
            }
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body(variantId))).build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long latency = System.nanoTime() - at;
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    samples.add(new Sample(phase, offset, latency, cause instanceof HttpTimeoutException ? -2 : -1,
                            cause.getClass().getSimpleName() + ":" + String.valueOf(cause.getMessage()).replaceAll("\\W+", "_"),
                            variantId));
                } else {
                    Matcher m = CODE.matcher(response.body());
                    samples.add(new Sample(phase, offset, latency, response.statusCode(), m.find() ? m.group(1) : "-", variantId));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toSeconds() + 30, TimeUnit.SECONDS);

        List<Sample> all = new ArrayList<>(samples);
        Map<String, List<Sample>> groups = new TreeMap<>();
        for (Sample s : all) {
            groups.computeIfAbsent(s.phase() + " " + s.status() + " " + s.code(), k -> new ArrayList<>()).add(s);
            if (!s.phase().equals("other")) {
                groups.computeIfAbsent("all " + s.status() + " " + s.code(), k -> new ArrayList<>()).add(s);
            }
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
        System.out.printf("FLASH-SENDER requests=%d burst=%d in %.1f s, then %.0f/s for %.0f s; other=%d (%.0f/s on %d variants);"
                + " the sender was at most %.1f ms late%n", due.length, burst, burstSeconds, rate, seconds, otherDue.length,
                otherRate, otherVariants.size(), late / 1e6);
        if (opt.containsKey("events")) {
            List<String> lines = new ArrayList<>();
            all.stream().sorted((a, b) -> Long.compare(a.dueOffsetNanos(), b.dueOffsetNanos()))
                    .forEach(s -> lines.add(String.format("%s\t%.3f\t%.3f\t%d\t%s\t%s", s.phase(), s.dueOffsetNanos() / 1e6,
                            s.latencyNanos() / 1e6, s.status(), s.code(), s.variant())));
            Files.write(Path.of(opt.get("events")), lines);
        }
        System.exit(0);
    }

    static String body(String variantId) {
        return "{\"items\":[{\"variantId\":\"" + variantId + "\",\"quantity\":1}],\"shippingAddress\":{\"recipientName\":"
                + "\"Budi Santoso\",\"phone\":\"081234567890\",\"street\":\"Jl. Melati 5\",\"regencyCode\":\"32.04\","
                + "\"postalCode\":\"40921\"}}";
    }

    static List<String> lines(String file) throws Exception {
        return Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).toList();
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }
}
