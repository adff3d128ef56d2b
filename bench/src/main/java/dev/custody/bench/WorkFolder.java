package dev.custody.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The {@code --dir} option of the benchmarks that write to disk. A run works in a folder of its own,
 * made inside the chosen one, and removes it when done, failed or not: an ingest run writes gigabytes.
 */
final class WorkFolder {
    @Option(
            names = "--dir",
            paramLabel = "FOLDER",
            description = "Folder on the disk to measure; the run works in a new folder inside it and removes"
                    + " that when done (default: the system's temporary folder).")
    Optional<Path> dir;

    /** A new, empty work folder, removed with everything in it when the returned handle closes. */
    Lease create() throws IOException {
        Path work = dir.isPresent()
                ? Files.createTempDirectory(Files.createDirectories(dir.get()), "custody-bench")
                : Files.createTempDirectory("custody-bench");
        return new Lease(work);
    }

    record Lease(Path path) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (Stream<Path> tree = Files.walk(path)) {
                // Deepest first, so each folder is empty by the time its turn comes.
                tree.sorted(Comparator.reverseOrder()).forEach(Lease::delete);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private static void delete(Path file) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
