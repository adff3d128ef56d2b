package dev.custody.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarantees every {@link BlobStore} backend must keep. A backend's test extends this class and
 * supplies the store and a view of every name it holds, objects and temporaries alike, so that
 * "a failed write leaves nothing behind" is checked against the backend itself.
 */
public abstract class BlobStoreContract {
    private static final int MIB = 1024 * 1024;

    /** The store under test; may hold objects from earlier tests of the same instance. */
    protected abstract BlobStore store();

    /** Every name the backend holds: complete objects and any temporary or partial upload. */
    protected abstract Set<String> storedNames();

    // Around the 4 KiB blocks and 256 KiB buffers of direct writes, and past the multipart size.
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, 256 * 1024, 256 * 1024 + 1, 5 * MIB})
    void write_thenOpen_returnsTheSameBytes(int size) throws IOException {
        byte[] content = BlobContents.random(size, size);

        BlobId id = store().write(out -> out.write(content));

        assertThat(read(id)).isEqualTo(content);
    }

    @Test
    void write_whoseContentClosesItsStream_isStillStoredWhole() throws IOException {
        byte[] content = BlobContents.random(2 * MIB + 3, 11);

        // An encrypting stream closes what it wraps when it finishes; the store owns the ending.
        BlobId id = store().write(out -> {
            try (out) {
                out.write(content);
            }
        });

        assertThat(read(id)).isEqualTo(content);
    }

    @Test
    void write_streamedInSmallPieces_returnsTheSameBytes() throws IOException {
        byte[] content = BlobContents.random(3 * MIB + 17, 7);

        BlobId id = store().write(out -> {
            for (int offset = 0; offset < content.length; offset += 1000) {
                out.write(content, offset, Math.min(1000, content.length - offset));
            }
        });

        assertThat(read(id)).isEqualTo(content);
    }

    @Test
    void write_addsExactlyOneName() {
        Set<String> before = storedNames();

        store().write(BlobContents.zeros(MIB));

        Set<String> added = new HashSet<>(storedNames());
        added.removeAll(before);
        assertThat(added).hasSize(1);
        assertThat(storedNames()).containsAll(before);
    }

    @Test
    void write_ofIdenticalContent_returnsDistinctIds() {
        Set<BlobId> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(store().write(out -> out.write(42)));
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void write_whenContentThrowsIOException_failsAsStorageUnavailableAndLeavesNothing() {
        Set<String> before = storedNames();
        IOException cause = new IOException("stream broke");

        assertThatThrownBy(() -> store().write(BlobContents.failingAfter(2 * MIB, cause)))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e.getCause()).isSameAs(cause);
                });
        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void write_whenContentThrowsCustodyException_propagatesItUnchangedAndLeavesNothing() {
        Set<String> before = storedNames();
        CustodyException failure = CustodyException.invalidInput("not audio");

        assertThatThrownBy(() -> store().write(BlobContents.failingAfter(2 * MIB, failure)))
                .isSameAs(failure);
        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void write_whenContentThrowsRuntimeException_propagatesItUnchangedAndLeavesNothing() {
        Set<String> before = storedNames();
        IllegalStateException failure = new IllegalStateException("bug in the caller");

        assertThatThrownBy(() -> store().write(BlobContents.failingAfter(100, failure)))
                .isSameAs(failure);
        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void write_from64VirtualThreadsAtOnce_storesEveryObjectIntact() throws Exception {
        int writers = 64;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BlobId>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < writers; i++) {
                byte[] content = BlobContents.random(64 * 1024 + i, i);
                results.add(executor.submit(() -> {
                    start.await();
                    return store().write(out -> out.write(content));
                }));
            }
            start.countDown();
            Set<BlobId> ids = new HashSet<>();
            for (int i = 0; i < writers; i++) {
                BlobId id = results.get(i).get();
                ids.add(id);
                assertThat(read(id)).isEqualTo(BlobContents.random(64 * 1024 + i, i));
            }
            assertThat(ids).hasSize(writers);
        }
    }

    @Test
    void exists_isTrueAfterWriteAndFalseAfterDelete() {
        BlobId id = store().write(out -> out.write(new byte[] {1, 2, 3}));
        assertThat(store().exists(id)).isTrue();

        store().delete(id);

        assertThat(store().exists(id)).isFalse();
    }

    @Test
    void delete_isIdempotentAndLeavesNothing() {
        Set<String> before = storedNames();
        BlobId id = store().write(out -> out.write(new byte[] {1, 2, 3}));

        store().delete(id);
        store().delete(id);

        assertThat(storedNames()).isEqualTo(before);
        assertThatThrownBy(() -> store().open(id))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void delete_ofAnUnknownId_doesNothing() {
        Set<String> before = storedNames();

        store().delete(BlobId.random());

        assertThat(storedNames()).isEqualTo(before);
    }

    @Test
    void open_ofAnUnknownId_failsAsNotFound() {
        BlobId unknown = BlobId.random();

        assertThat(store().exists(unknown)).isFalse();
        assertThatThrownBy(() -> store().open(unknown))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void forEachWrittenBefore_handsOutAnObjectOnlyOnceItIsOlderThanTheCutoff() {
        BlobId id = store().write(out -> out.write(1));

        assertThat(writtenBefore(Instant.now().plus(Duration.ofDays(1)))).contains(id);
        assertThat(writtenBefore(Instant.now().minus(Duration.ofDays(1)))).doesNotContain(id);
    }

    @Test
    void forEachWrittenBefore_neverHandsOutAWriteInProgressOrAFailedOne() {
        List<BlobId> seenDuringWrite = new ArrayList<>();
        BlobId written = store().write(out -> {
            out.write(new byte[MIB]);
            seenDuringWrite.addAll(writtenBefore(Instant.now().plus(Duration.ofDays(1))));
        });
        Set<BlobId> before = writtenBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> store().write(BlobContents.failingAfter(MIB, new IOException("disk full"))))
                .isInstanceOf(CustodyException.class);

        assertThat(seenDuringWrite).doesNotContain(written);
        assertThat(writtenBefore(Instant.now().plus(Duration.ofDays(1)))).isEqualTo(before);
    }

    @Test
    void forEachWrittenBefore_letsTheActionDeleteWhatItIsHanded() {
        List<BlobId> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(store().write(out -> out.write(1)));
        }

        store().forEachWrittenBefore(Instant.now().plus(Duration.ofDays(1)), id -> {
            if (written.contains(id)) {
                store().delete(id);
            }
        });

        assertThat(written).noneMatch(store()::exists);
    }

    private Set<BlobId> writtenBefore(Instant cutoff) {
        Set<BlobId> ids = new HashSet<>();
        store().forEachWrittenBefore(cutoff, ids::add);
        return ids;
    }

    private byte[] read(BlobId id) {
        try (InputStream in = store().open(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
