package id.pasar.catalog.internal;

import id.pasar.catalog.ExposureClientKey;
import id.pasar.catalog.internal.ExposureClients.View;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What counting exposure once per client costs a request, in CPU time of this thread (so that other
 * work on the machine inflates it less than wall time), and what a client takes in memory.
 * Run by bench/exposure/run.sh; docs/performance.md, "Exposure counted once per client".
 */
public final class ExposureCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int OPERATIONS = 1_000_000;

    public static void main(String[] args) {
        Clock clock = Clock.system(ZoneId.of("Asia/Jakarta"));
        ExposureClientKey key = new ExposureClientKey(new byte[32]);
        UUID seller = UUID.randomUUID();
        List<UUID> listings = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            listings.add(UUID.randomUUID());
        }
        System.out.println("CPU ns per operation (1,000,000 each; the first rounds warm the JIT up)");
        System.out.println("round\thash\tIPv6 /64\tignored client\tknown client, seen listing\tnew client\tsettle all (ms)");
        for (int round = 1; round <= 5; round++) {
            ExposureClients clients = new ExposureClients(clock, 60, 4_000_000);
            long sink = 0;
            long start = cpu();
            for (int i = 0; i < OPERATIONS; i++) {
                sink += key.hash("address 10.1." + (i & 255) + "." + (i >> 8 & 255));
            }
            long hash = cpu() - start;
            start = cpu();
            for (int i = 0; i < OPERATIONS; i++) {
                sink += ExposureCounter.network("2001:db8:1:2:3:4:5:" + Integer.toHexString(i & 0xffff)).length();
            }
            long ipv6 = cpu() - start;
            start = cpu();
            for (int i = 0; i < OPERATIONS; i++) {
                clients.look(1, List.of(new View(listings.get(i % listings.size()), seller, false)));
            }
            long ignored = cpu() - start;
            clients.look(2, List.of(new View(listings.get(0), seller, false)));
            start = cpu();
            for (int i = 0; i < OPERATIONS; i++) {
                clients.look(2, List.of(new View(listings.get(0), seller, false)));
            }
            long known = cpu() - start;
            start = cpu();
            for (int i = 0; i < OPERATIONS; i++) {
                clients.look(1_000 + i, List.of(new View(listings.get(i % listings.size()), seller, false)));
            }
            long fresh = cpu() - start;
            start = cpu();
            clients.settle(true);
            long settle = cpu() - start;
            System.out.printf("%d\t%d\t%d\t%d\t%d\t%d\t%d%n", round, hash / OPERATIONS, ipv6 / OPERATIONS,
                    ignored / OPERATIONS, known / OPERATIONS, fresh / OPERATIONS, settle / 1_000_000 + (sink & 0));
        }
        System.out.println();
        System.out.println("memory per client, 100,000 clients (10,000 of 200 listings each; heap used after GC)");
        System.out.println("listings seen\tbytes while held\tbytes once counted\tweight once counted (8-byte units)");
        for (int seen : new int[] {1, 20, 200}) {
            long before = used();
            ExposureClients clients = new ExposureClients(clock, 1_000, Long.MAX_VALUE);
            int count = Math.min(100_000, 2_000_000 / seen);
            for (int client = 0; client < count; client++) {
                List<View> views = new ArrayList<>(seen);
                for (int v = 0; v < seen; v++) {
                    views.add(new View(listings.get((client * 7 + v) % listings.size()), seller, true));
                }
                clients.look(client, views);
            }
            long held = used() - before;
            clients.settle(true);
            long counted = used() - before;
            System.out.printf("%d\t%d\t%d\t%d%n", seen, held / count, counted / count, clients.weight() / count);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long used() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
