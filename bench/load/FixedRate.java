import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate load client that corrects coordinated omission, on the model of wrk2: request i is
 * due at start + i / rate whatever happened before, it goes out on the first free one of a fixed
 * number of keep-alive connections, and its latency is measured from its due time, not from when a
 * connection was free to send it. A server that stalls therefore shows its stall in every request
 * that fell due meanwhile, as a shopper would see it. Plain sockets and HTTP/1.1, so the client
 * costs little CPU next to the application on the same machine; JDK only, run with the source
 * launcher:
 *
 *   java bench/load/FixedRate.java --base URL --rate 200 --seconds 30 --paths FILE [--token FILE] [--random] [--connections 32]
 *
 * FILE: one "path", "label TAB path" or "label TAB path TAB token" a line (the feed: each path read with its own
 * shopper's token; --token gives the others one token for all).
 *   java bench/load/FixedRate.java --base URL --rate 50 --seconds 30 --orders TOKENS HOT COLD [--settle-percent 2]
 *
 * With --orders (HOT and COLD: files of variant ids, bench/load/prepare.py), one due item is one order as
 * bench/load/order.lua makes it, and --rate counts orders: its
 * placement (POST /orders), then on the same connection, once the 201 is in, its payment's start (POST
 * /orders/{id}/payments, QRIS, a key of its own); its latency runs from its due time to the payment's answer,
 * and it is an error when either answer is not 2xx. 5 % are replays of an order 200 before (both requests
 * again, same keys and bodies). --settle-percent of the new payments are then settled through the sandbox
 * (POST /sandbox/payments/{id}/settle, a third request on the connection, after the order's latency is taken;
 * label "settle").
 *
 * Prints one line per label and one for all: FIXED label=... due=... errors=... p50_ms=... p99_ms=...
 */
public class FixedRate {

    record Due(long at, String label, byte[] request, OrderJob order) {
        Due(long at, String label, byte[] request) {
            this(at, label, request, null);
        }
    }

    /** An order: its placement, and its payment's start once the first placement has answered. */
    static final class OrderJob {
        final byte[] place;
        final String token;
        final String payKey;
        volatile byte[] pay; // as first sent, for the replays

        OrderJob(byte[] place, String token, String payKey) {
            this.place = place;
            this.token = token;
            this.payKey = payKey;
        }
    }

    record Response(int status, String body) {
    }

    static String host;
    static double settlePercent;

    record Sample(String label, long nanos, int status) {
    }

    static final Due STOP = new Due(0, null, null);

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>();
        List<String> orders = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--random" -> opt.put("random", "true");
                case "--orders" -> orders = List.of(args[++i], args[++i], args[++i]);
                default -> opt.put(args[i].substring(2), args[++i]);
            }
        }
        URI base = URI.create(opt.get("base"));
        host = base.getHost() + ":" + base.getPort();
        settlePercent = Double.parseDouble(opt.getOrDefault("settle-percent", "2"));
        double rate = Double.parseDouble(opt.get("rate"));
        double seconds = Double.parseDouble(opt.getOrDefault("seconds", "30"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "32"));

        List<String[]> paths = new ArrayList<>();
        String token = opt.containsKey("token") ? Files.readString(Path.of(opt.get("token"))).trim() : null;
        List<String> tokens = null, hot = null, cold = null;
        if (orders != null) {
            tokens = lines(orders.get(0));
            hot = lines(orders.get(1));
            cold = lines(orders.get(2));
        } else {
            for (String line : lines(opt.get("paths"))) {
                String[] parts = line.split("\t", 3);
                paths.add(parts.length >= 2 ? parts : new String[] {"all", parts[0]});
            }
        }
        boolean random = opt.containsKey("random");
        String run = Long.toHexString(System.currentTimeMillis());

        LinkedBlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        CountDownLatch finished = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> work(base, queue, samples, finished), "connection-" + c);
            worker.setDaemon(true);
            worker.start();
        }

        long period = (long) (1e9 / rate);
        long total = (long) (seconds * rate);
        long start = System.nanoTime() + 100_000_000L;
        List<OrderJob> sent = new ArrayList<>();
        long late = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                late = Math.max(late, -wait);
            }
            ThreadLocalRandom r = ThreadLocalRandom.current();
            if (orders != null) {
                if (sent.size() > 200 && r.nextInt(100) < 5) {
                    // a long-finished order, again
                    queue.add(new Due(due, "order-replay", null, sent.get(sent.size() - 200)));
                    continue;
                }
                String variant = r.nextInt(100) < 80 ? hot.get(r.nextInt(hot.size())) : cold.get(r.nextInt(cold.size()));
                String body = "{\"items\":[{\"variantId\":\"" + variant + "\",\"quantity\":" + (1 + r.nextInt(2))
                        + "}],\"shippingAddress\":{\"recipientName\":\"Budi Santoso\",\"phone\":\"081234567890\","
                        + "\"street\":\"Jl. Melati 5\",\"regencyCode\":\"32.04\",\"postalCode\":\"40921\"}}";
                String shopper = tokens.get(r.nextInt(tokens.size()));
                OrderJob job = new OrderJob(post("/api/v1/orders", shopper, "fixed-" + run + "-" + i, body), shopper,
                        "fixed-pay-" + run + "-" + i);
                sent.add(job);
                queue.add(new Due(due, "order", null, job));
            } else {
                String[] path = random ? paths.get(r.nextInt(paths.size())) : paths.get((int) (i % paths.size()));
                String bearer = path.length == 3 ? path[2] : token;
                String request = "GET " + path[1] + " HTTP/1.1\r\nHost: " + host + "\r\n"
                        + (bearer != null ? "Authorization: Bearer " + bearer + "\r\n" : "") + "\r\n";
                queue.add(new Due(due, path[0], request.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (int c = 0; c < connections; c++) {
            queue.add(STOP);
        }
        if (!finished.await(180, TimeUnit.SECONDS)) {
            System.out.println("FIXED-WARNING some requests had not finished after 180 s");
        }

        Map<String, List<Sample>> byLabel = new TreeMap<>();
        for (Sample s : samples) {
            byLabel.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
            if (!s.label().equals("settle")) { // "all" is the scenario's own requests (orders)
                byLabel.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
            }
        }
        byLabel.forEach((label, list) -> {
            long[] nanos = list.stream().mapToLong(Sample::nanos).sorted().toArray();
            long errors = list.stream().filter(s -> s.status() < 200 || s.status() >= 300).count();
            System.out.printf("FIXED label=%s rate=%.1f due=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                    label, rate, nanos.length, errors, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999),
                    nanos[nanos.length - 1] / 1e6);
        });
        System.out.printf("FIXED-SENDER connections=%d; the sender itself was at most %.1f ms late%n", connections, late / 1e6);
    }

    /** One keep-alive connection: takes due requests in order, sends, reads the whole response. */
    static void work(URI base, LinkedBlockingQueue<Due> queue, ConcurrentLinkedQueue<Sample> samples, CountDownLatch finished) {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        try {
            while (true) {
                Due due = queue.take();
                if (due == STOP) {
                    return;
                }
                int status = -1;
                for (int attempt = 0; attempt < 2 && status < 0; attempt++) {
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                            socket.setSoTimeout(60_000);
                            in = new BufferedInputStream(socket.getInputStream(), 65536);
                            out = socket.getOutputStream();
                        }
                        if (due.order() != null) {
                            status = order(due, in, out, samples);
                            continue;
                        }
                        out.write(due.request());
                        out.flush();
                        status = readResponse(in, false).status();
                    } catch (IOException e) {
                        close(socket);
                        socket = null;
                    }
                }
                if (due.order() == null || status < 0) {
                    samples.add(new Sample(due.label(), System.nanoTime() - due.at(), status));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
            finished.countDown();
        }
    }

    /**
     * An order's placement, then its payment's start on the same connection; the order's sample is taken when the
     * payment has answered (or the placement refused), then a new payment is settled now and then. Returns the status
     * that counts: the first that is not 2xx, else the payment's.
     */
    static int order(Due due, InputStream in, OutputStream out, ConcurrentLinkedQueue<Sample> samples)
            throws IOException {
        OrderJob job = due.order();
        out.write(job.place);
        out.flush();
        Response placed = readResponse(in, true);
        String orderId = placed.status() / 100 == 2 ? field(placed.body(), "orderId") : null;
        if (orderId == null) {
            samples.add(new Sample(due.label(), System.nanoTime() - due.at(), placed.status()));
            return placed.status();
        }
        byte[] pay = job.pay;
        boolean first = pay == null;
        if (first) {
            pay = post("/api/v1/orders/" + orderId + "/payments", job.token, job.payKey, "{\"method\":\"QRIS\"}");
            job.pay = pay;
        }
        out.write(pay);
        out.flush();
        Response paid = readResponse(in, true);
        samples.add(new Sample(due.label(), System.nanoTime() - due.at(), paid.status()));
        String paymentId = paid.status() / 100 == 2 ? field(paid.body(), "paymentId") : null;
        if (first && paymentId != null && ThreadLocalRandom.current().nextDouble(100) < settlePercent) {
            long t0 = System.nanoTime();
            out.write(post("/api/v1/sandbox/payments/" + paymentId + "/settle", job.token, null, ""));
            out.flush();
            int settled = readResponse(in, false).status();
            samples.add(new Sample("settle", System.nanoTime() - t0, settled));
        }
        return paid.status();
    }

    static byte[] post(String path, String token, String key, String body) {
        return ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\n" + (key != null ? "Idempotency-Key: " + key + "\r\n" : "")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A string field of a JSON body, found by its name; null when absent. */
    static String field(String body, String name) {
        int at = body.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + name.length() + 4;
        return body.substring(from, body.indexOf('"', from));
    }

    static Response readResponse(InputStream in, boolean keepBody) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String header; !(header = line(in)).isEmpty(); ) {
            String h = header.toLowerCase();
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                skip(in, size, body);
                line(in);
            }
            while (!line(in).isEmpty()) { } // trailers
        } else if (length > 0) {
            skip(in, length, body);
        }
        return new Response(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    static void skip(InputStream in, long n, ByteArrayOutputStream keep) throws IOException {
        if (keep != null) {
            byte[] bytes = in.readNBytes((int) n);
            if (bytes.length < n) {
                throw new IOException("connection closed");
            }
            keep.write(bytes);
            return;
        }
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                k = 1;
            }
            n -= k;
        }
    }

    static void close(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static List<String> lines(String file) throws Exception {
        return Files.readAllLines(Path.of(file)).stream().filter(s -> !s.isBlank()).toList();
    }
}
