package dev.custody.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.testkit.BlobContents;
import dev.custody.testkit.BlobStoreContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    private FileBlobStore store;

    @BeforeEach
    void openStore() {
        store = open(root);
    }

    /** The store under test: writing directly where this file system allows it. */
    FileBlobStore open(Path root) {
        return FileBlobStore.open(root);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected Set<String> storedNames() {
        return StoredFiles.names(root);
    }

    @Test
    void everyFileNameUnderTheRoot_isARandomIdInItsFanOutFolder() {
        for (int i = 0; i < 20; i++) {
            store.write(out -> out.write(1));
        }

        List<Path> files = StoredFiles.list(root);

        assertThat(files).hasSize(20).allSatisfy(file -> {
            String name = file.getFileName().toString();
            assertThat(name).matches("blb_[a-z2-7]{26}");
            assertThat(root.relativize(file.getParent()).toString()).isEqualTo("objects/" + name.substring(4, 6));
        });
    }

    @Test
    void forEachWrittenBefore_handsOutOnlyTheFilesItNamed() throws IOException {
        BlobId own = store.write(out -> out.write(1));
        BlobId misplaced = BlobId.random();
        String otherFolder = misplaced.value().startsWith("blb_aa") ? "ab" : "aa";
        BlobId folder = BlobId.random();
        BlobId link = BlobId.random();
        Files.writeString(root.resolve("objects/aa/notes.txt"), "x");
        Files.writeString(root.resolve("objects/" + otherFolder).resolve(misplaced.value()), "x");
        Files.writeString(root.resolve("objects/stray"), "x");
        Files.createDirectory(pathOf(folder));
        Files.createSymbolicLink(pathOf(link), pathOf(own));
        List<BlobId> handed = new ArrayList<>();

        store.forEachWrittenBefore(Instant.now().plus(Duration.ofDays(1)), handed::add);

        assertThat(handed).containsExactly(own);
    }

    @Test
    void forEachWrittenBefore_goesByTheFilesModificationTime() throws IOException {
        BlobId old = store.write(out -> out.write(1));
        BlobId recent = store.write(out -> out.write(2));
        Files.setLastModifiedTime(pathOf(old), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        List<BlobId> handed = new ArrayList<>();

        store.forEachWrittenBefore(Instant.now().minus(Duration.ofDays(1)), handed::add);

        assertThat(handed).contains(old).doesNotContain(recent);
    }

    @Test
    void removeAbandonedWrites_removesTemporaryFilesOlderThanTheCutoffOnly() throws IOException {
        Path old = root.resolve("tmp/tmp_old");
        Path recent = root.resolve("tmp/tmp_recent");
        Files.write(old, new byte[10]);
        Files.write(recent, new byte[10]);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        BlobId stored = store.write(out -> out.write(1));

        assertThat(store.removeAbandonedWrites(Instant.now().minus(Duration.ofDays(1))))
                .isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(store.exists(stored)).isTrue();
    }

    private Path pathOf(BlobId id) {
        return root.resolve("objects").resolve(id.value().substring(4, 6)).resolve(id.value());
    }

    @Test
    void open_createsFoldersOnlyTheOwnerCanEnter() throws IOException {
        for (String folder : List.of("objects", "tmp")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(folder))))
                    .isEqualTo("rwx------");
        }
        BlobId id = store.write(out -> out.write(1));
        Path fanOut = root.resolve("objects").resolve(id.value().substring(4, 6));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fanOut)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fanOut.resolve(id.value()))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFanOutFolderRemovedAfterOpen_isMadeAgainByTheWriteThatNeedsIt() throws IOException {
        try (var folders = Files.list(root.resolve("objects"))) {
            for (Path folder : folders.toList()) {
                Files.delete(folder);
            }
        }

        byte[] content = {4, 2};
        BlobId id = store.write(out -> out.write(content));

        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        Path fanOut = root.resolve("objects").resolve(id.value().substring(4, 6));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fanOut)))
                .isEqualTo("rwx------");
        assertThat(StoredFiles.list(root)).hasSize(1);
    }

    @Test
    void open_removesTemporaryFilesLeftByACrashedRun() throws IOException {
        BlobId kept = store.write(out -> out.write(new byte[] {7, 8, 9}));
        Path leftover = root.resolve("tmp").resolve("tmp_aaaaaaaaaaaaaaaaaaaaaaaaaa");
        Files.write(leftover, new byte[1000]);

        FileBlobStore reopened = open(root);

        assertThat(leftover).doesNotExist();
        assertThat(StoredFiles.names(root)).containsExactly(kept.value());
        try (InputStream in = reopened.open(kept)) {
            assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
        }
    }

    @Test
    void write_whenTheDiskFillsMidway_failsAsStorageUnavailableAndLeavesNoFile() {
        IOException diskFull = new IOException("No space left on device");

        assertThatThrownBy(() -> store.write(BlobContents.failingAfter(1024 * 1024, diskFull)))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e).hasMessage("blob store could not write: No space left on device");
                    assertThat(e.getCause()).isSameAs(diskFull);
                });
        assertThat(StoredFiles.list(root)).isEmpty();
    }

    @Test
    void write_whenTheContentClosesItsStream_stillStoresTheObject() throws IOException {
        BlobId id = store.write(out -> {
            try (OutputStream closing = out) {
                closing.write(new byte[] {4, 5});
            }
        });

        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }
    }

    @Test
    void open_ofAFileInsteadOfAFolder_failsAsStorageUnavailable() throws IOException {
        Path notAFolder = root.resolve("file");
        Files.write(notAFolder, new byte[] {1});

        assertThatThrownBy(() -> open(notAFolder)).isInstanceOfSatisfying(CustodyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(e.getMessage()).doesNotContain(root.toString());
        });
    }
}
