package dev.custody.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3BlobStore} stores objects.
 *
 * @param endpoint the server of an S3-compatible store (MinIO, Ceph, ...); empty for AWS S3, whose
 *     endpoint follows from the region. Must be http or https and carry no user info, so that no
 *     credential hides in a URI that gets printed.
 * @param region the signing region, such as {@code eu-central-1}
 * @param bucket an existing bucket, named by S3's rules (3 to 63 lower-case letters, digits, dots,
 *     hyphens)
 * @param keyPrefix prepended to every object key, such as {@code custody/blobs/}; may be empty.
 *     Letters, digits and {@code . _ - /} only, no leading {@code /}, no {@code ..}, no {@code //}.
 *     It belongs to one installation: the orphan sweep deletes the store's objects under it that
 *     none of that installation's clips names
 * @param pathStyle whether to address the bucket in the path ({@code host/bucket/key}), as most
 *     S3-compatible servers need, rather than in the host name
 * @param credentials the access key
 * @param partSize the bytes held in memory per write in progress, and the part size of a multipart
 *     upload: an object up to this size is sent in one request. From {@link #MIN_PART_SIZE} (S3's
 *     minimum) to {@link #MAX_PART_SIZE}
 * @throws IllegalArgumentException if a value breaks the rules above
 */
public record S3BlobStoreConfig(
        Optional<URI> endpoint,
        String region,
        String bucket,
        String keyPrefix,
        boolean pathStyle,
        S3Credentials credentials,
        int partSize) {
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int MAX_PART_SIZE = 256 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._/-]{0,512}");

    public S3BlobStoreConfig {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(region, "region is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(keyPrefix, "keyPrefix is null");
        requireNonNull(credentials, "credentials is null");
        endpoint.ifPresent(S3BlobStoreConfig::checkEndpoint);
        check(!region.isBlank(), "the S3 region must not be blank");
        check(BUCKET.matcher(bucket).matches(), "not a valid S3 bucket name: " + bucket);
        checkPrefix(keyPrefix);
        check(
                partSize >= MIN_PART_SIZE && partSize <= MAX_PART_SIZE,
                "the S3 part size must be from " + MIN_PART_SIZE + " to " + MAX_PART_SIZE + " bytes");
    }

    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        check(
                ("http".equals(scheme) || "https".equals(scheme)) && endpoint.getHost() != null,
                "the S3 endpoint must be an http or https URI with a host");
        // Reported without the URI: its user info would be a credential.
        check(endpoint.getRawUserInfo() == null, "the S3 endpoint must not contain user info");
    }

    private static void checkPrefix(String prefix) {
        check(PREFIX.matcher(prefix).matches(), "the S3 key prefix may hold only letters, digits, '.', '_', '-', '/'");
        check(!prefix.startsWith("/"), "the S3 key prefix must not start with '/'");
        check(!prefix.contains(".."), "the S3 key prefix must not contain '..'");
        check(!prefix.contains("//"), "the S3 key prefix must not contain '//'");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
