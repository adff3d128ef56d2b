package dev.custody.s3;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An S3 access key: its id and its secret. The secret never appears in {@link #toString()}, and
 * two credentials are compared in constant time, so neither a log line nor a timing difference
 * gives it away.
 */
public final class S3Credentials {
    private final String accessKeyId;
    private final String secretAccessKey;

    private S3Credentials(String accessKeyId, String secretAccessKey) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /**
     * Credentials from an access key id and its secret.
     *
     * @throws IllegalArgumentException if either is blank
     */
    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an S3 access key id and secret must not be blank");
        }
        return new S3Credentials(accessKeyId, secretAccessKey);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret, for the SDK's credentials provider only: never log or print it. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof S3Credentials that
                && accessKeyId.equals(that.accessKeyId)
                && MessageDigest.isEqual(bytes(secretAccessKey), bytes(that.secretAccessKey));
    }

    @Override
    public int hashCode() {
        // The secret stays out of the hash: a hash code can end up in a log or a dump.
        return accessKeyId.hashCode();
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
