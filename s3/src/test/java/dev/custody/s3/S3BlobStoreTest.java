package dev.custody.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.blob.BlobId;
import dev.custody.testkit.BlobContents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** The write path's requests, and its cleanup when S3 fails, on a scripted client with tiny parts. */
final class S3BlobStoreTest {
    private static final int PART = 1000;
    private static final String BUCKET = "custody-unit";

    private final ScriptedS3Client client = new ScriptedS3Client();
    private final S3BlobStore store = S3BlobStore.of(client, BUCKET, "blobs/", PART);

    @Test
    void write_endingWithinTheFirstPart_sendsOnePutObjectCarryingItsSha256() {
        byte[] content = BlobContents.random(PART - 1, 1);

        BlobId id = store.write(out -> out.write(content));

        assertThat(client.operations).containsExactly("PutObject");
        assertThat(client.keys).containsExactly("blobs/" + id.value());
        assertThat(client.bodies).containsExactly(content);
        assertThat(client.checksums).containsExactly(sha256(content));
    }

    @Test
    void write_ofExactlyOnePart_sendsOnePutObject() {
        store.write(BlobContents.zeros(PART));

        assertThat(client.operations).containsExactly("PutObject");
    }

    @Test
    void write_largerThanOnePart_sendsFullPartsThenTheRestAndCompletesWithTheirChecksums() {
        byte[] content = BlobContents.random(2 * PART + 500, 2);

        store.write(out -> {
            // Written byte by byte and in odd pieces, to cross part boundaries every way.
            out.write(content[0]);
            out.write(content, 1, content.length - 1);
        });

        assertThat(client.operations)
                .containsExactly(
                        "CreateMultipartUpload", "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload");
        assertThat(client.bodies).extracting(body -> body.length).containsExactly(PART, PART, 500);
        assertThat(concat(client.bodies)).isEqualTo(content);
        assertThat(client.completedParts).extracting(CompletedPart::partNumber).containsExactly(1, 2, 3);
        assertThat(client.completedParts)
                .extracting(CompletedPart::checksumSHA256)
                .isEqualTo(client.checksums);
        assertThat(client.checksums.getFirst()).isEqualTo(sha256(Arrays.copyOf(content, PART)));
    }

    @Test
    void write_whenAPartFails_abortsTheUploadAndFailsAsStorageUnavailable() {
        client.failing("UploadPart");

        assertThatThrownBy(() -> store.write(BlobContents.zeros(3 * PART)))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(BUCKET, "InternalError", "500");
                });
        assertThat(client.operations).containsExactly("CreateMultipartUpload", "UploadPart", "AbortMultipartUpload");
    }

    @Test
    void write_whenCompletingFails_abortsTheUpload() {
        client.failing("CompleteMultipartUpload");

        assertFailsAsStorageUnavailable(() -> store.write(BlobContents.zeros(2 * PART)));
        assertThat(client.operations).endsWith("CompleteMultipartUpload", "AbortMultipartUpload");
    }

    @Test
    void write_whoseContentSwallowsAnUploadFailure_stillFailsAndCompletesNothing() {
        client.failing("UploadPart");

        assertFailsAsStorageUnavailable(() -> store.write(out -> {
            try {
                out.write(new byte[3 * PART]);
            } catch (IOException ignored) {
                // A careless caller: the store must not complete a truncated object anyway.
            }
        }));
        assertThat(client.operations).doesNotContain("CompleteMultipartUpload").endsWith("AbortMultipartUpload");
    }

    @Test
    void write_whenTheAbortFailsToo_keepsThatFailureAsSuppressed() {
        client.failing("UploadPart").failing("AbortMultipartUpload");

        assertThatThrownBy(() -> store.write(BlobContents.zeros(3 * PART)))
                .isInstanceOfSatisfying(
                        CustodyException.class,
                        e -> assertThat(e.getSuppressed())
                                .singleElement()
                                .satisfies(s -> assertThat(s).hasMessageContaining("injected failure")));
    }

    @Test
    void write_whenContentThrowsAfterAPart_abortsAndRethrowsItUnchanged() {
        IllegalStateException failure = new IllegalStateException("bug in the caller");

        assertThatThrownBy(() -> store.write(BlobContents.failingAfter(PART + 1, failure)))
                .isSameAs(failure);
        assertThat(client.operations).containsExactly("CreateMultipartUpload", "UploadPart", "AbortMultipartUpload");
    }

    @Test
    void write_ofNothing_sendsAnEmptyPutObject() {
        store.write(out -> {});

        assertThat(client.operations).containsExactly("PutObject");
        assertThat(client.bodies).containsExactly(new byte[0]);
    }

    private static void assertFailsAsStorageUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
