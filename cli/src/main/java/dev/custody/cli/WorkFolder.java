package dev.custody.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --dir} option of the benchmarks that write to disk. */
final class WorkFolder {
    @Option(
            names = "--dir",
            paramLabel = "FOLDER",
            description = "Work folder on the disk to measure (default: a new temporary folder).")
    Optional<Path> dir;

    Path create() throws IOException {
        return dir.isPresent() ? Files.createDirectories(dir.get()) : Files.createTempDirectory("custody-bench");
    }
}
