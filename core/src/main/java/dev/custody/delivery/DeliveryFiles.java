package dev.custody.delivery;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Durable writes into a delivery folder: a temporary name, fsync, rename, fsync of the folder. */
final class DeliveryFiles {
    /** Temporary files start with a dot and end so: a new run deletes any a killed one left. */
    static final String PARTIAL = ".partial";

    private DeliveryFiles() {}

    static Path temporary(Path folder, String name) {
        return folder.resolve("." + name + PARTIAL);
    }

    /** Writes {@code bytes} as {@code folder/name}, replacing what was there, or leaves nothing. */
    static void writeDurably(Path folder, String name, byte[] bytes) {
        Path temporary = temporary(folder, name);
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temporary, folder.resolve(name));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw unwritable(e);
        }
    }

    /** Renames a synced temporary file to its final name and syncs the folder, so the name survives a crash. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** Deletes what a killed run left under temporary names: they may hold plaintext audio. */
    static void removeLeftovers(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PARTIAL)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The next run deletes it (removeLeftovers); the first failure is the one to report.
        }
    }

    static CustodyException unwritable(IOException e) {
        return new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, "the delivery folder could not be written", e);
    }
}
