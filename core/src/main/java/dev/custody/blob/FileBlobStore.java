package dev.custody.blob;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Identifiers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} in a local folder, for the embedded (single process) deployment.
 *
 * <p>Layout under the root: {@code objects/<fan-out>/<id>}, where {@code <fan-out>} is the first
 * two characters of the id's random body (so no folder grows past a few thousand entries per
 * million objects), and {@code tmp/<random>} for writes in progress. Both folders are mode 0700.
 * Only validated, store-chosen {@link BlobId}s become path components, so no string from outside
 * ever reaches the file system.
 *
 * <p>Guarantees: {@link #write} streams into a temporary file, forces it to disk, moves it into
 * place atomically and forces the folder entry, so a returned id names a complete, durable object
 * and a failed or crashed write leaves no visible object. {@link #open(Path)} removes temporary
 * files left by a crashed earlier run; it assumes one process owns the root at a time (the
 * application locks its data folder).
 *
 * <p>Throws {@link CustodyException}: {@code NOT_FOUND} for a missing object, {@code
 * STORAGE_UNAVAILABLE} when the disk fails (with the cause kept, and the operating system's reason
 * but no path in the message). An exception thrown by a content callback other than an {@link
 * IOException} propagates unchanged, after cleanup.
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int BODY_START = "blb_".length();
    private static final Set<StandardOpenOption> NEW_FILE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path objects;
    private final Path tmp;
    private final Optional<DirectWrites> direct;

    private FileBlobStore(Path objects, Path tmp, Optional<DirectWrites> direct) {
        this.objects = objects;
        this.tmp = tmp;
        this.direct = direct;
    }

    /**
     * Opens (creating if needed) a store under {@code root} and removes leftover temporary files.
     * Writes bypass the page cache ({@link DirectWrites}) where the file system allows it.
     */
    public static FileBlobStore open(Path root) {
        return open(root, true);
    }

    /** As {@link #open(Path)}, with writes through the page cache even where direct writes work. */
    static FileBlobStore openBuffered(Path root) {
        return open(root, false);
    }

    private static FileBlobStore open(Path root, boolean directWhereSupported) {
        requireNonNull(root, "root is null");
        try {
            Path objects = PrivateFolders.create(root.resolve("objects"));
            createFanOut(objects);
            Path tmp = PrivateFolders.create(root.resolve("tmp"));
            // Every entry of tmp/ is a write that never completed: its object was never returned.
            removeWritesBefore(tmp, Instant.MAX);
            Optional<DirectWrites> direct = directWhereSupported && DirectWrites.probe(tmp)
                    ? Optional.of(new DirectWrites())
                    : Optional.empty();
            return new FileBlobStore(objects, tmp, direct);
        } catch (IOException e) {
            throw unavailable("open", e);
        }
    }

    @Override
    public BlobId write(BlobContent content) {
        requireNonNull(content, "content is null");
        BlobId id = BlobId.random();
        Path temp = tmp.resolve(Identifiers.random("tmp"));
        Path target = folderOf(id).resolve(id.value());
        try {
            writeDurably(temp, content);
            placeDurably(temp, target);
            return id;
        } catch (IOException e) {
            CustodyException failure = unavailable("write", e);
            discard(failure, temp, target);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(e, temp, target);
            throw e;
        }
    }

    @Override
    public InputStream open(BlobId id) {
        try {
            return Files.newInputStream(pathOf(id));
        } catch (NoSuchFileException e) {
            throw CustodyException.notFound("no such blob");
        } catch (IOException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        try {
            return Files.readAttributes(pathOf(id), BasicFileAttributes.class).isRegularFile();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public void delete(BlobId id) {
        Path path = pathOf(id);
        try {
            if (Files.deleteIfExists(path)) {
                PrivateFolders.force(path.getParent());
            }
        } catch (IOException e) {
            throw unavailable("delete", e);
        }
    }

    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<BlobId> action) {
        requireNonNull(cutoff, "cutoff is null");
        requireNonNull(action, "action is null");
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(objects)) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    forEachInFolder(folder, cutoff, action);
                }
            }
        } catch (IOException e) {
            throw unavailable("list", e);
        }
    }

    private void forEachInFolder(Path folder, Instant cutoff, Consumer<BlobId> action) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                // Only a regular file with a store-chosen name in its own fan-out folder is ours.
                Optional<BlobId> id = BlobId.ofStoredName(file.getFileName().toString())
                        .filter(candidate -> folderOf(candidate).equals(folder));
                if (id.isPresent() && writtenBefore(file, cutoff)) {
                    action.accept(id.get());
                }
            }
        }
    }

    private static boolean writtenBefore(Path file, Instant cutoff) throws IOException {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile()
                    && attributes.lastModifiedTime().toInstant().isBefore(cutoff);
        } catch (NoSuchFileException e) {
            return false; // deleted while the folder was read
        }
    }

    @Override
    public int removeAbandonedWrites(Instant startedBefore) {
        requireNonNull(startedBefore, "startedBefore is null");
        try {
            return removeWritesBefore(tmp, startedBefore);
        } catch (IOException e) {
            throw unavailable("remove abandoned writes", e);
        }
    }

    private static int removeWritesBefore(Path tmp, Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                if (writtenBefore(entry, cutoff) && Files.deleteIfExists(entry)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            PrivateFolders.force(tmp);
        }
        return removed;
    }

    private void writeDurably(Path temp, BlobContent content) throws IOException {
        if (direct.isPresent()) {
            direct.get().write(temp, content);
            return;
        }
        try (FileChannel channel = FileChannel.open(temp, NEW_FILE, PrivateFolders.PRIVATE_FILE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
            content.writeTo(new KeepOpenOutputStream(out));
            out.flush();
            channel.force(true);
        }
    }

    private void placeDurably(Path temp, Path target) throws IOException {
        Path folder = target.getParent();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // The fan-out folders are made at open; one removed since is made again, and made durable
            // as an entry of objects/ before the object in it.
            if (!Files.exists(temp) || !createFolder(folder)) {
                throw e;
            }
            PrivateFolders.force(objects);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        PrivateFolders.force(folder);
    }

    /**
     * Creates all 1024 fan-out folders up front, with one fsync of {@code objects/}, so that a
     * write never has to make its folder durable first.
     */
    private static void createFanOut(Path objects) throws IOException {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        boolean created = false;
        for (char first : alphabet.toCharArray()) {
            for (char second : alphabet.toCharArray()) {
                created |= createFolder(objects.resolve("" + first + second));
            }
        }
        if (created) {
            PrivateFolders.force(objects);
        }
    }

    private static boolean createFolder(Path folder) throws IOException {
        try {
            PrivateFolders.createOne(folder);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** Removes what a failed write may have left; a cleanup failure is kept as suppressed. */
    private static void discard(Throwable failure, Path... paths) {
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private Path pathOf(BlobId id) {
        return folderOf(requireNonNull(id, "id is null")).resolve(id.value());
    }

    private Path folderOf(BlobId id) {
        return objects.resolve(id.value().substring(BODY_START, BODY_START + 2));
    }

    private static CustodyException unavailable(String action, IOException e) {
        // A FileSystemException's message names the file; its reason alone is the OS's explanation.
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        String message = "blob store could not " + action + (reason == null ? "" : ": " + reason);
        return new CustodyException(ErrorCode.STORAGE_UNAVAILABLE, message, e);
    }
}
