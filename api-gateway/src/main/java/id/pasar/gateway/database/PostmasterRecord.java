package id.pasar.gateway.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says about the server running on it:
 * PostgreSQL writes the file when it starts (line 1 the postmaster's pid, line 4 its
 * port) and deletes it when it stops, so after a {@code kill -9} of the JVM it still
 * names the orphaned postmaster and its port
 * (docs/adr/0020-a-server-per-data-directory.md).
 *
 * @param pid the postmaster's process id
 * @param port the port it listens on
 */
record PostmasterRecord(long pid, int port) {

    static final String FILE = "postmaster.pid";

    /**
     * The live postmaster recorded in {@code directory}, if any. A record whose process
     * is gone (a crash of the machine) or that is incomplete (a server still writing it)
     * names none: PostgreSQL itself replaces such a file when it starts.
     * @throws IllegalStateException if the record names a live process that is not
     * PostgreSQL: a stale file whose pid was reused, which PostgreSQL would refuse to
     * start over
     */
    static Optional<PostmasterRecord> liveIn(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long pid;
        int port;
        try {
            pid = Long.parseLong(lines.get(0).trim());
            port = Integer.parseInt(lines.get(3).trim());
        }
        catch (IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            throw new IllegalStateException(
                    ("%s names process %d (%s), which is not PostgreSQL: the file was left by a "
                            + "server that is gone and its pid now belongs to another process. PostgreSQL does not start while the "
                            + "file names a live process: delete it and start again.")
                        .formatted(file, pid, command.get()));
        }
        return Optional.of(new PostmasterRecord(pid, port));
    }
}
