package dev.custody.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.testkit.BlobContents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fills a real file system: a 1 MiB tmpfs. Mounting needs root on Linux (as CI runs); elsewhere
 * the test is skipped, and {@code FileBlobStoreTest} still covers the failure path with a
 * simulated full disk.
 */
class FileBlobStoreDiskFullIT {
    private static Path mountPoint;
    private static boolean mounted;

    @BeforeAll
    static void mountTinyTmpfs() throws IOException, InterruptedException {
        assumeTrue(
                System.getProperty("os.name").startsWith("Linux") && new UnixSystem().getUid() == 0,
                "mounting a tmpfs needs root on Linux; FileBlobStoreTest simulates the full disk instead");
        mountPoint = Files.createTempDirectory("blob-disk-full");
        run(List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.toString()));
        mounted = true;
    }

    @AfterAll
    static void unmount() throws IOException, InterruptedException {
        if (mounted) {
            run(List.of("umount", mountPoint.toString()));
        }
        if (mountPoint != null) {
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void write_largerThanTheDisk_failsAsStorageUnavailableAndFreesTheSpace() throws IOException {
        FileBlobStore store = FileBlobStore.open(mountPoint);

        assertThatThrownBy(() -> store.write(BlobContents.zeros(4 * 1024 * 1024)))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    // The operating system's reason, and no path.
                    assertThat(e).hasMessage("blob store could not write: No space left on device");
                });
        assertThat(StoredFiles.list(mountPoint)).isEmpty();

        // The space of the failed write is free again: an object of most of the disk now fits.
        BlobId id = store.write(BlobContents.zeros(768 * 1024));
        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).hasSize(768 * 1024);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(command.getFirst() + " failed with status " + status + ": " + output);
        }
    }
}
