package dev.custody.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import dev.custody.blob.BlobId;
import dev.custody.blob.BlobStore.BlobContent;
import dev.custody.testkit.BlobContents;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** What only an S3 backend can get wrong: multipart uploads, a vanished bucket or server, credentials, prefixes. */
final class S3BlobStoreBackendIT {
    private static final int PART = S3BlobStoreConfig.MIN_PART_SIZE;
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final BlobContent SMALL = out -> out.write(new byte[] {1, 2, 3});

    private static S3ProxyServer server;
    private String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "custody-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
    }

    @Test
    void uploadsInProgress_areSeenByTheTestsListing() {
        // Guards the tests below: a leftover upload must show up, or "leaves nothing" proves nothing.
        try (S3Client client = S3Clients.create(server.config(bucket, ""))) {
            String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key("left-over"))
                    .uploadId();

            // S3Proxy also lists the blobs in which it keeps the upload: all the better.
            assertThat(server.names(bucket)).contains("upload left-over " + uploadId);
        }
    }

    @Test
    void write_largerThanOnePart_roundTripsThroughAMultipartUpload() throws IOException {
        byte[] content = BlobContents.random(2 * PART + 123, 11);
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, "blobs/"))) {
            BlobId id = store.write(out -> out.write(content));

            assertThat(read(store, id)).isEqualTo(content);
            assertThat(server.names(bucket)).containsExactly("blobs/" + id.value());
            // A multipart object's entity tag ends with its part count.
            assertThat(server.eTag(bucket, "blobs/" + id.value())).endsWith("-3\"");
        }
    }

    @Test
    void write_failingMidwayThroughAMultipartUpload_leavesNoObjectAndNoUpload() {
        IOException cause = new IOException("encoder broke");
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, "blobs/"))) {
            // More than one part is written, so the multipart upload has begun when the writer fails.
            assertStorageUnavailable(() -> store.write(BlobContents.failingAfter(2L * PART + 1, cause)));
        }
        assertThat(server.names(bucket)).isEmpty();
    }

    @Test
    void write_throwingMidwayThroughAMultipartUpload_rethrowsUnchangedAndLeavesNothing() {
        IllegalStateException failure = new IllegalStateException("bug in the caller");
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, "blobs/"))) {
            assertThatThrownBy(() -> store.write(BlobContents.failingAfter(PART + 1, failure)))
                    .isSameAs(failure);
        }
        assertThat(server.names(bucket)).isEmpty();
    }

    @Test
    void everyOperation_whenTheBucketIsGoneAfterOpen_failsAsStorageUnavailable() {
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, ""))) {
            BlobId written = store.write(SMALL);
            server.deleteBucket(bucket);

            assertStorageUnavailable(() -> store.write(SMALL));
            assertStorageUnavailable(() -> store.write(BlobContents.zeros(2L * PART)));
            assertStorageUnavailable(() -> store.open(written));
            assertStorageUnavailable(() -> store.exists(written));
            assertStorageUnavailable(() -> store.delete(written));
            assertStorageUnavailable(() -> store.forEachWrittenBefore(Instant.now(), id -> {}));
            assertStorageUnavailable(() -> store.removeAbandonedWrites(Instant.now()));
        }
    }

    @Test
    void write_whenTheServerIsDown_failsAsStorageUnavailableAndReturnsNoId() throws Exception {
        try (S3ProxyServer doomed = S3ProxyServer.start()) {
            doomed.createBucket("doomed");
            try (S3BlobStore store = S3BlobStore.open(doomed.config("doomed", ""))) {
                doomed.stop();

                assertStorageUnavailable(() -> store.write(SMALL));
                assertStorageUnavailable(() -> store.write(BlobContents.zeros(2L * PART)));
                assertStorageUnavailable(() -> store.open(BlobId.random()));
            }
        }
    }

    @Test
    void open_withTheWrongSecret_failsAsStorageUnavailableNamingTheBucketButNeverTheSecret() {
        String wrongSecret = "wrong-secret-4c1e9b";
        S3Credentials wrong = S3Credentials.of(S3ProxyServer.CREDENTIALS.accessKeyId(), wrongSecret);

        assertThatThrownBy(() -> S3BlobStore.open(server.config(bucket, "", wrong)))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(bucket).doesNotContain(wrongSecret);
                    assertThat(e.getCause()).isNotNull();
                });
    }

    @Test
    void open_ofAMissingBucket_failsAsStorageUnavailableNamingIt() {
        assertThatThrownBy(() -> S3BlobStore.open(server.config("no-such-bucket", "")))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("no-such-bucket");
                });
    }

    @Test
    void stores_withDifferentPrefixesOnOneBucket_doNotSeeEachOthersObjects() throws IOException {
        try (S3BlobStore tenantA = S3BlobStore.open(server.config(bucket, "tenant-a/"));
                S3BlobStore tenantB = S3BlobStore.open(server.config(bucket, "tenant-b/"))) {
            BlobId id = tenantA.write(SMALL);

            assertThat(tenantB.exists(id)).isFalse();
            assertThatThrownBy(() -> tenantB.open(id))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            tenantB.delete(id);

            assertThat(read(tenantA, id)).containsExactly(1, 2, 3);
            assertThat(server.names(bucket)).containsExactly("tenant-a/" + id.value());
        }
    }

    @Test
    void forEachWrittenBefore_handsOutOnlyItsOwnObjects_notForeignKeysOrOtherPrefixes() {
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, "blobs/"));
                S3Client client = S3Clients.create(server.config(bucket, ""))) {
            BlobId own = store.write(SMALL);
            for (String foreign :
                    List.of("blobs/notes.txt", "blobs/sub/" + BlobId.random(), "other/" + BlobId.random())) {
                byte[] body = {'x'};
                // S3Proxy, like S3 with this client, wants the body's checksum.
                client.putObject(
                        b -> b.bucket(bucket)
                                .key(foreign)
                                .checksumSHA256(Sha256.of(body).base64()),
                        RequestBody.fromBytes(body));
            }
            List<BlobId> handed = new ArrayList<>();

            store.forEachWrittenBefore(Instant.now().plus(Duration.ofDays(1)), handed::add);

            assertThat(handed).containsExactly(own);
        }
    }

    @Test
    void forEachWrittenBefore_readsPageAfterPage() {
        // S3 answers at most 1,000 keys a request; the store must follow the continuation tokens.
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, ""))) {
            Set<BlobId> written = new HashSet<>();
            for (int i = 0; i < 1_050; i++) {
                written.add(store.write(SMALL));
            }
            Set<BlobId> handed = new HashSet<>();

            store.forEachWrittenBefore(Instant.now().plus(Duration.ofDays(1)), handed::add);

            assertThat(handed).isEqualTo(written);
        }
    }

    @Test
    void removeAbandonedWrites_abortsItsOwnUploadsBegunBeforeTheCutoff_only() {
        try (S3BlobStore store = S3BlobStore.open(server.config(bucket, "blobs/"));
                S3Client client = S3Clients.create(server.config(bucket, ""))) {
            // What a process killed mid-upload leaves, beside an upload that is not the store's.
            String abandoned = "blobs/" + BlobId.random();
            client.createMultipartUpload(b -> b.bucket(bucket).key(abandoned));
            client.createMultipartUpload(b -> b.bucket(bucket).key("other/" + BlobId.random()));

            assertThat(store.removeAbandonedWrites(Instant.now().minus(Duration.ofDays(1))))
                    .as("begun after the cutoff")
                    .isZero();
            assertThat(store.removeAbandonedWrites(Instant.now().plus(Duration.ofDays(1))))
                    .isEqualTo(1);

            assertThat(server.uploadsInProgress(bucket))
                    .singleElement()
                    .asString()
                    .startsWith("upload other/");
        }
    }

    private static void assertStorageUnavailable(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CustodyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(e.getMessage()).doesNotContain(S3ProxyServer.CREDENTIALS.secretAccessKey());
        });
    }

    private static byte[] read(S3BlobStore store, BlobId id) throws IOException {
        try (InputStream in = store.open(id)) {
            return in.readAllBytes();
        }
    }
}
