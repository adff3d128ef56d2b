package dev.custody.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The versions of the migrations shipped for a dialect, in order, read from the source folder. */
final class MigrationFiles {
    private MigrationFiles() {}

    static List<String> versions(String dialect) {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[0-9]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
