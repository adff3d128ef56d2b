package dev.custody.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders and files that only the owning user may read (0700 and 0600), and folder fsync. */
final class PrivateFolders {
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");
    static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFolders() {}

    /** Creates {@code folder} (and missing parents) if needed, and makes it mode 0700. */
    static Path create(Path folder) throws IOException {
        Files.createDirectories(folder);
        // Set explicitly: an existing folder or a permissive umask must not leave it readable by others.
        Files.setPosixFilePermissions(folder, FOLDER_MODE);
        return folder;
    }

    /** Creates one folder, mode 0700; throws {@link FileAlreadyExistsException} if it exists. */
    static void createOne(Path folder) throws IOException {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
    }

    /** Forces a folder's entries (creations, renames, deletions) to disk. */
    static void force(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
