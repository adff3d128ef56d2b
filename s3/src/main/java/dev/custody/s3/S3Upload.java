package dev.custody.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The stream a write's content goes into, holding at most one part in memory. An object that ends
 * within the first part goes out in one PutObject; a larger one as a multipart upload whose parts
 * are sent as they fill. Every request carries the SHA-256 of its bytes, which S3 checks before it
 * stores them.
 *
 * <p>After any failure the stream is broken: later writes and {@link #finish} throw, so a content
 * callback that swallows an exception cannot complete a truncated object. {@link #abort} removes
 * the multipart upload if one was started, so its parts neither stay visible nor cost storage.
 * Closing the stream does nothing: only {@link #finish} completes the object.
 */
final class S3Upload extends OutputStream {
    // S3 allows at most 10,000 parts: 78 GiB at the default part size, far beyond any clip.
    private static final int MAX_PARTS = 10_000;
    private static final int INITIAL_CAPACITY = 64 * 1024;
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final List<CompletedPart> parts = new ArrayList<>();
    // Grows up to partSize, so that many small writes at once do not each hold a whole part.
    private byte[] buffer;
    private int length;
    private String uploadId;
    private boolean usable = true;

    S3Upload(S3Client client, String bucket, String key, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, partSize)];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        requireUsable();
        int off = offset;
        int left = count;
        while (left > 0) {
            if (length == partSize) {
                // Sent only once more bytes follow: the last part is then never empty, and an
                // object of exactly one part goes out as a single PutObject.
                sendPart();
            }
            int n = Math.min(left, partSize - length);
            ensureCapacity(length + n);
            System.arraycopy(bytes, off, buffer, length, n);
            length += n;
            off += n;
            left -= n;
        }
    }

    @Override
    public void close() {
        // Content callbacks may close their stream; completing the object is finish()'s job.
    }

    /** Completes the object: afterwards it is visible and durable. */
    void finish() throws IOException {
        requireUsable();
        usable = false;
        try {
            if (uploadId == null) {
                putObject();
            } else {
                uploadPart();
                completeUpload();
            }
        } catch (SdkException e) {
            throw S3Failures.asIOException(e);
        }
    }

    /** Discards what was sent; a failure to do so is added to {@code failure} as suppressed. */
    void abort(Throwable failure) {
        usable = false;
        if (uploadId == null) {
            return;
        }
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }

    private void sendPart() throws IOException {
        if (parts.size() == MAX_PARTS - 1) {
            usable = false;
            throw new IOException("object too large for a multipart upload of this part size");
        }
        try {
            if (uploadId == null) {
                uploadId = client.createMultipartUpload(b -> b.bucket(bucket)
                                .key(key)
                                .contentType(CONTENT_TYPE)
                                .checksumAlgorithm(ChecksumAlgorithm.SHA256))
                        .uploadId();
            }
            uploadPart();
        } catch (SdkException e) {
            usable = false;
            throw S3Failures.asIOException(e);
        }
    }

    private void uploadPart() {
        int number = parts.size() + 1;
        String checksum = sha256();
        String eTag = client.uploadPart(
                        b -> b.bucket(bucket)
                                .key(key)
                                .uploadId(uploadId)
                                .partNumber(number)
                                .contentLength((long) length)
                                .checksumSHA256(checksum),
                        body())
                .eTag();
        parts.add(CompletedPart.builder()
                .partNumber(number)
                .eTag(eTag)
                .checksumSHA256(checksum)
                .build());
        length = 0;
    }

    private void putObject() {
        client.putObject(
                b -> b.bucket(bucket)
                        .key(key)
                        .contentType(CONTENT_TYPE)
                        .contentLength((long) length)
                        .checksumSHA256(sha256()),
                body());
    }

    private void completeUpload() {
        client.completeMultipartUpload(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
    }

    private RequestBody body() {
        byte[] bytes = buffer;
        int size = length;
        // A fresh stream over the same bytes for every attempt, so a retry resends them all
        // without the SDK copying the buffer.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, size), size, CONTENT_TYPE);
    }

    private String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buffer, 0, length);
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, Math.max(needed, 2L * buffer.length)));
        }
    }

    private void requireUsable() throws IOException {
        if (!usable) {
            throw new IOException("the upload has failed or finished");
        }
    }
}
