package dev.custody.s3;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.blob.BlobId;
import dev.custody.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in an S3 bucket (AWS S3 or an S3-compatible server such as MinIO or Ceph),
 * for the scale deployment. Object keys are the configured prefix followed by a store-chosen
 * {@link BlobId}: nothing from outside becomes part of a key.
 *
 * <p>Guarantees: {@link #write} streams the content while holding at most one part (the configured
 * part size) in memory; an object that fits in one part is sent in a single PutObject, a larger one
 * as a multipart upload. Every request carries a SHA-256 checksum that S3 verifies. S3 makes an
 * object visible only once it is complete, so a returned id names a complete, durable object; a
 * failed write aborts its multipart upload and leaves no object. If even the abort fails, for
 * example because the server went away, or the process dies mid-upload, the upload's parts stay
 * invisible but billed until {@link #removeAbandonedWrites} aborts it (the orphan sweep's daily
 * run; a bucket lifecycle rule that aborts incomplete multipart uploads does the same).
 *
 * <p>Requests are retried by the SDK's standard strategy: at most four attempts with exponential
 * back-off and jitter, for throttling, 5xx answers and I/O failures. The HTTP client is Apache
 * HttpClient 5, with a 5-second connect timeout so that a dead server fails a request quickly.
 *
 * <p>The credentials need {@code s3:ListBucket} on the bucket (checked at open, and without it S3
 * answers a missing object with 403 rather than 404), and {@code s3:GetObject}, {@code
 * s3:PutObject}, {@code s3:DeleteObject} and {@code s3:AbortMultipartUpload} on the prefix, and
 * {@code s3:ListBucketMultipartUploads} on the bucket for the sweep. Listings ({@link
 * #forEachWrittenBefore}, {@link #removeAbandonedWrites}) read only keys under the prefix.
 *
 * <p>Throws {@link CustodyException}: {@code NOT_FOUND} for a missing object, {@code
 * STORAGE_UNAVAILABLE} when S3 cannot be reached or refuses (with the SDK's exception as the cause,
 * the bucket and the service's error code in the message, never the secret). An exception thrown
 * by a content callback other than an {@link IOException} propagates unchanged, after cleanup.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;
    private final int partSize;

    private S3BlobStore(S3Client client, String bucket, String keyPrefix, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
        this.partSize = partSize;
    }

    /**
     * Connects to the configured bucket and checks that it is reachable with the credentials.
     *
     * @throws CustodyException {@code STORAGE_UNAVAILABLE} if the bucket does not exist, the
     *     credentials are refused or the server cannot be reached
     */
    public static S3BlobStore open(S3BlobStoreConfig config) {
        requireNonNull(config, "config is null");
        S3Client client = S3Clients.create(config);
        try {
            client.headBucket(b -> b.bucket(config.bucket()));
        } catch (SdkException e) {
            client.close();
            throw S3Failures.unavailable("reach", config.bucket(), e);
        }
        return new S3BlobStore(client, config.bucket(), config.keyPrefix(), config.partSize());
    }

    /** A store on a client built elsewhere, for tests of this package; it does not check the bucket. */
    static S3BlobStore of(S3Client client, String bucket, String keyPrefix, int partSize) {
        return new S3BlobStore(client, bucket, keyPrefix, partSize);
    }

    @Override
    public BlobId write(BlobContent content) {
        requireNonNull(content, "content is null");
        BlobId id = BlobId.random();
        S3Upload upload = new S3Upload(client, bucket, keyOf(id), partSize);
        try {
            content.writeTo(upload);
            upload.finish();
            return id;
        } catch (IOException e) {
            CustodyException failure = S3Failures.unavailable("write to", bucket, e);
            upload.abort(failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            upload.abort(e);
            throw e;
        }
    }

    @Override
    public InputStream open(BlobId id) {
        String key = keyOf(id);
        try {
            return client.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw CustodyException.notFound("no such blob");
        } catch (SdkException e) {
            throw S3Failures.unavailable("read from", bucket, e);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        String key = keyOf(id);
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw S3Failures.unavailable("read from", bucket, e);
            }
        } catch (SdkException e) {
            throw S3Failures.unavailable("read from", bucket, e);
        }
        // A HEAD answer has no body, so a missing bucket also looks like 404: tell them apart.
        requireBucket();
        return false;
    }

    @Override
    public void delete(BlobId id) {
        String key = keyOf(id);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw S3Failures.unavailable("delete from", bucket, e);
        }
    }

    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<BlobId> action) {
        requireNonNull(cutoff, "cutoff is null");
        requireNonNull(action, "action is null");
        try {
            // The paginator asks for the next page of (up to 1,000) keys only when this one is used up.
            for (S3Object object : client.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(keyPrefix))
                    .contents()) {
                Optional<BlobId> id = idOf(object.key());
                if (id.isPresent() && object.lastModified().isBefore(cutoff)) {
                    action.accept(id.get());
                }
            }
        } catch (SdkException e) {
            throw S3Failures.unavailable("list", bucket, e);
        }
    }

    @Override
    public int removeAbandonedWrites(Instant startedBefore) {
        requireNonNull(startedBefore, "startedBefore is null");
        int removed = 0;
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(
                            b -> b.bucket(bucket).prefix(keyPrefix))
                    .uploads()) {
                boolean ours = idOf(upload.key()).isPresent();
                // A server that does not say when an upload began gets no guess: it is left alone.
                if (ours && upload.initiated() != null && upload.initiated().isBefore(startedBefore)) {
                    client.abortMultipartUpload(
                            b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    removed++;
                }
            }
            return removed;
        } catch (SdkException e) {
            throw S3Failures.unavailable("remove abandoned uploads from", bucket, e);
        }
    }

    /** Releases the HTTP connections. */
    @Override
    public void close() {
        client.close();
    }

    private void requireBucket() {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw S3Failures.unavailable("read from", bucket, e);
        }
    }

    /** The id a listed key under the prefix names, or empty for a key no store chose. */
    private Optional<BlobId> idOf(String key) {
        return BlobId.ofStoredName(key.substring(keyPrefix.length()));
    }

    private String keyOf(BlobId id) {
        return keyPrefix + requireNonNull(id, "id is null").value();
    }
}
