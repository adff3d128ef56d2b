package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded default's data folder: the SQLite database, the blob folder and the sealed keyring,
 * held by one process at a time through an exclusive lock on {@code custody.lock}. The passphrase
 * is never stored here, so a copy of the folder alone yields nothing.
 */
public final class DataFolder implements AutoCloseable {
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the folder if needed (mode 0700) and locks it, or fails with DATA_FOLDER_LOCKED. */
    public static DataFolder lock(Path root) {
        requireNonNull(root, "root is null");
        FileChannel channel = null;
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(
                        root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            channel =
                    FileChannel.open(root.resolve("custody.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(root);
            }
            return new DataFolder(root, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw locked(root);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CustodyException(
                    ErrorCode.STORAGE_UNAVAILABLE, "cannot use data folder " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("custody.db");
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    public Path keyring() {
        return root.resolve("keyring.sealed");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases the lock as well.
        }
        closeQuietly(lockChannel);
    }

    private static CustodyException locked(Path root) {
        return new CustodyException(
                ErrorCode.DATA_FOLDER_LOCKED,
                "another Custody process is using the data folder " + root
                        + "; stop it first or choose another --data folder");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be done; the lock dies with the process anyway.
        }
    }
}
