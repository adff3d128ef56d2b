package dev.custody.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The regular files under a file blob store's root: its objects and its temporaries. */
final class StoredFiles {
    private StoredFiles() {}

    static List<Path> list(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> names(Path root) {
        return list(root).stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
}
