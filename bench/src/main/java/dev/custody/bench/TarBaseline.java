package dev.custody.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The export benchmark's baseline: plaintext files tarred into one file, then synced. */
final class TarBaseline {
    private TarBaseline() {}

    static void write(List<Path> files, Path tarFile) throws IOException {
        try (FileChannel channel = FileChannel.open(tarFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512, "UTF-8")) {
                for (Path file : files) {
                    tar.putArchiveEntry(
                            new TarArchiveEntry(file, file.getFileName().toString()));
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
                tar.flush();
                channel.force(true);
            }
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
