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
 *   java bench/load/FixedRate.java --base URL --rate 50 --seconds 30 --orders TOKENS HOT COLD
 *
 * Prints one line per label and one for all: FIXED label=... due=... errors=... p50_ms=... p99_ms=...
 */
public class FixedRate {

    record Due(long at, String label, byte[] request) {
    }

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
        String host = base.getHost() + ":" + base.getPort();
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
                String[] parts = line.split("\t", 2);
                paths.add(parts.length == 2 ? parts : new String[] {"all", parts[0]});
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
        List<byte[]> sent = new ArrayList<>();
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
                    queue.add(new Due(due, "order-replay", sent.get(sent.size() - 200))); // a long-finished order, again
                    continue;
                }
                String listing = r.nextInt(100) < 80 ? hot.get(r.nextInt(hot.size())) : cold.get(r.nextInt(cold.size()));
                String body = "{\"items\":[{\"listingId\":\"" + listing + "\",\"quantity\":" + (1 + r.nextInt(2))
                        + "}],\"shippingAddress\":{\"recipientName\":\"Budi Santoso\",\"phone\":\"081234567890\","
                        + "\"street\":\"Jl. Melati 5\",\"regencyCode\":\"32.04\",\"postalCode\":\"40921\"}}";
                byte[] request = ("POST /api/v1/orders HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                        + tokens.get(r.nextInt(tokens.size())) + "\r\nContent-Type: application/json\r\nIdempotency-Key: fixed-"
                        + run + "-" + i + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8);
                sent.add(request);
                queue.add(new Due(due, "order", request));
            } else {
                String[] path = random ? paths.get(r.nextInt(paths.size())) : paths.get((int) (i % paths.size()));
                String request = "GET " + path[1] + " HTTP/1.1\r\nHost: " + host + "\r\n"
                        + (token != null ? "Authorization: Bearer " + token + "\r\n" : "") + "\r\n";
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
            byLabel.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
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
                        out.write(due.request());
                        out.flush();
                        status = readResponse(in);
                    } catch (IOException e) {
                        close(socket);
                        socket = null;
                    }
                }
                samples.add(new Sample(due.label(), System.nanoTime() - due.at(), status));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
            finished.countDown();
        }
    }

    static int readResponse(InputStream in) throws IOException {
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
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) { } // trailers
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
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

    static void skip(InputStream in, long n) throws IOException {
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
