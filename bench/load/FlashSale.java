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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * the whole crowd at once, as on 12.12.
 *
 * As the mobile app does: an order answered 503 CHECKOUT_BUSY (the checkout queue's waiting room is
 * full, or its wait ran out) is sent again, the same shopper, body and Idempotency-Key (nothing was
 * kept), RETRY-AFTER seconds after the answer (its Retry-After header; 2 if it has none), again and
 * again, until it is answered anything else or the next attempt would go out more than GIVE_UP
 * seconds after the order's first due time (then the busy answer is its last; --give-up 0: never
 * retried, a busy answer is final). Any other answer is final, a 503 with another code too. Latency
 * counts from the order's first due time to its last answer.
 *
 *   java bench/load/FlashSale.java --base URL --variant UUID --tokens FILE [--burst-seconds 1] [--rate 200] [--seconds 60]
 *        [--timeout 60] [--give-up 60] [--events FILE] [--busy-events FILE] [--started FILE]
 *        [--other-rate 20 --other-variants FILE --other-tokens FILE]
 *
 * VARIANT is what is sold (ADR 0023): a variant of a listing with options, or a listing without
 * options, whose one variant has the listing's id.
 *
 * Prints FLASH lines per phase and final outcome (status and problem code): count, p50/p99/max latency, and the
 * time from the first due request to the last answered ("all": the sale's phases, not "other"); FLASH-RETRY
 * lines per phase: the busy answers, the orders that had one, retries per order by final outcome (p50/p99/max),
 * how fast a busy answer came (from its attempt's send). --events writes one line per order (phase, due offset
 * ms, latency ms, final status, code, variant, requests sent, busy answers) for the report; --busy-events one line
 * per busy answer (phase, the order's due offset ms, attempt, sent offset ms, latency ms from the send, variant);
 * --started the wall-clock time (epoch ms) of offset 0, for the thread dumps the bench takes during the sale.
 */
public class FlashSale {

    record Sample(String phase, long dueOffsetNanos, long latencyNanos, int status, String code, String variant,
            int attempts, int busy) {
    }

    /** A 503 CHECKOUT_BUSY answer: its attempt's send and latency (from that send, not the order's due time). */
    record Busy(String phase, long dueOffsetNanos, int attempt, long sentOffsetNanos, long latencyNanos, String variant) {
    }

    /** One order: its first due time, then every attempt until its final answer. */
    static final class Order {

        final String phase;

        final long offset;

        final long at;

        final String token;

        final String key;

        final String variant;

        int attempts;

        int busy;

        Order(String phase, long offset, long at, String token, String key, String variant) {
            this.phase = phase;
            this.offset = offset;
            this.at = at;
            this.token = token;
            this.key = key;
            this.variant = variant;
        }

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
        long giveUp = (long) (Double.parseDouble(opt.getOrDefault("give-up", "60")) * 1e9);
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
        ConcurrentLinkedQueue<Busy> busyAnswers = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(due.length + otherDue.length);
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 200_000_000L;
        if (opt.containsKey("started")) {
            Files.writeString(Path.of(opt.get("started")), (System.currentTimeMillis() + 200) + "\n");
        }
        // One attempt of an order: its final answer is a sample, a busy one sends it again after Retry-After.
        class Sender {

            void send(Order order) {
                long sent = System.nanoTime();
                order.attempts++;
                HttpRequest request = HttpRequest.newBuilder(orders).timeout(timeout)
                        .header("Authorization", "Bearer " + order.token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", order.key)
                        .POST(HttpRequest.BodyPublishers.ofString(body(order.variant))).build();
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        done(order, now, cause instanceof HttpTimeoutException ? -2 : -1,
                                cause.getClass().getSimpleName() + ":" + String.valueOf(cause.getMessage()).replaceAll("\\W+", "_"));
                        return;
                    }
                    Matcher m = CODE.matcher(response.body());
                    String code = m.find() ? m.group(1) : "-";
                    if (response.statusCode() == 503 && code.equals("CHECKOUT_BUSY")) {
                        order.busy++;
                        busyAnswers.add(new Busy(order.phase, order.offset, order.attempts, sent - start, now - sent, order.variant));
                        long next = now + retryAfter(response);
                        if (next - order.at <= giveUp) {
                            retries.schedule(() -> send(order), next - System.nanoTime(), TimeUnit.NANOSECONDS);
                            return;
                        }
                    }
                    done(order, now, response.statusCode(), code);
                });
            }

            void done(Order order, long now, int status, String code) {
                samples.add(new Sample(order.phase, order.offset, now - order.at, status, code, order.variant, order.attempts,
                        order.busy));
                answered.countDown();
            }

        }
        Sender sender = new Sender();
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
            sender.send(new Order(phase, offset, at, token, key, variantId));
        }
        if (!answered.await(giveUp / 1_000_000_000L + timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            System.out.printf("FLASH-SENDER %d orders not answered in time%n", answered.getCount());
        }
        retries.shutdownNow();

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
        Map<String, List<Busy>> busyByPhase = new TreeMap<>();
        busyAnswers.forEach(b -> busyByPhase.computeIfAbsent(b.phase(), k -> new ArrayList<>()).add(b));
        Map<String, List<Sample>> byPhase = new TreeMap<>();
        all.forEach(s -> byPhase.computeIfAbsent(s.phase(), k -> new ArrayList<>()).add(s));
        byPhase.forEach((phase, list) -> {
            List<Busy> busy = busyByPhase.getOrDefault(phase, List.of());
            long[] own = busy.stream().mapToLong(Busy::latencyNanos).sorted().toArray();
            StringBuilder line = new StringBuilder(String.format("FLASH-RETRY phase=%s orders=%d busy_answers=%d orders_busy=%d",
                    phase, list.size(), busy.size(), list.stream().filter(s -> s.busy() > 0).count()));
            if (own.length > 0) {
                line.append(String.format(" busy_p50_ms=%.1f busy_p99_ms=%.1f busy_max_ms=%.1f", ms(own, 0.50), ms(own, 0.99),
                        own[own.length - 1] / 1e6));
            }
            Map<String, List<Sample>> byOutcome = new TreeMap<>();
            list.forEach(s -> byOutcome.computeIfAbsent(s.status() + "_" + s.code(), k -> new ArrayList<>()).add(s));
            byOutcome.forEach((outcome, samples2) -> {
                long[] retried = samples2.stream().mapToLong(s -> s.attempts() - 1).sorted().toArray();
                line.append(String.format(" retries_%s=%d/%d/%d", outcome, at(retried, 0.50), at(retried, 0.99),
                        retried[retried.length - 1]));
            });
            System.out.println(line);
        });
        System.out.printf("FLASH-SENDER requests=%d burst=%d in %.1f s, then %.0f/s for %.0f s; other=%d (%.0f/s on %d variants);"
                + " the sender was at most %.1f ms late%n", due.length, burst, burstSeconds, rate, seconds, otherDue.length,
                otherRate, otherVariants.size(), late / 1e6);
        if (opt.containsKey("events")) {
            List<String> lines = new ArrayList<>();
            all.stream().sorted((a, b) -> Long.compare(a.dueOffsetNanos(), b.dueOffsetNanos()))
                    .forEach(s -> lines.add(String.format("%s\t%.3f\t%.3f\t%d\t%s\t%s\t%d\t%d", s.phase(),
                            s.dueOffsetNanos() / 1e6, s.latencyNanos() / 1e6, s.status(), s.code(), s.variant(), s.attempts(),
                            s.busy())));
            Files.write(Path.of(opt.get("events")), lines);
        }
        if (opt.containsKey("busy-events")) {
            List<String> lines = new ArrayList<>();
            busyAnswers.stream().sorted((a, b) -> Long.compare(a.sentOffsetNanos(), b.sentOffsetNanos()))
                    .forEach(b -> lines.add(String.format("%s\t%.3f\t%d\t%.3f\t%.3f\t%s", b.phase(), b.dueOffsetNanos() / 1e6,
                            b.attempt(), b.sentOffsetNanos() / 1e6, b.latencyNanos() / 1e6, b.variant())));
            Files.write(Path.of(opt.get("busy-events")), lines);
        }
        System.exit(0);
    }

    /** Retry-After in seconds (the app's reading of it), 2 s when it is missing or not a number. */
    static long retryAfter(HttpResponse<?> response) {
        try {
            return Long.parseLong(response.headers().firstValue("Retry-After").orElse("2").trim()) * 1_000_000_000L;
        } catch (NumberFormatException dateOrNonsense) {
            return 2_000_000_000L;
        }
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
        return at(sorted, q) / 1e6;
    }

    static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
