package dev.custody.keys;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key material or a passphrase in memory. Never prints itself, compares in constant time, and is
 * wiped when closed; after {@link #close()} every access throws.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] value;
    private boolean closed;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    /** Takes ownership of {@code value}: the caller must not use the array afterwards. */
    public static SecretBytes takeOwnership(byte[] value) {
        return new SecretBytes(requireNonNull(value, "value is null"));
    }

    public static SecretBytes copyOf(byte[] value) {
        return new SecretBytes(requireNonNull(value, "value is null").clone());
    }

    /** A copy of the secret; the caller should wipe it when done. */
    public synchronized byte[] toArray() {
        checkOpen();
        return value.clone();
    }

    public synchronized int length() {
        checkOpen();
        return value.length;
    }

    public synchronized boolean equalsSecret(SecretBytes other) {
        checkOpen();
        return MessageDigest.isEqual(value, other.toArray());
    }

    @Override
    public synchronized void close() {
        Arrays.fill(value, (byte) 0);
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("secret was closed");
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SecretBytes[redacted]";
    }
}
